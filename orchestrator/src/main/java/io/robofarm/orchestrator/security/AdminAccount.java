package io.robofarm.orchestrator.security;

import io.robofarm.orchestrator.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * Makes sure someone can log in, before the server takes requests. With
 * {@code ROBOFARM_ADMIN_PASSWORD} (property {@code robofarm.admin-password}) set, {@code admin} has
 * that password on every start. Without it, the first start creates {@code admin} with a random
 * password and prints it once; that is the only secret this application ever logs.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final String configuredPassword;
    private final SecureRandom random = new SecureRandom();

    AdminAccount(UserService users, @Value("${robofarm.admin-password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!configuredPassword.isEmpty()) {
            if (users.ensureAdmin(configuredPassword)) {
                log.info("User '{}' has the password from ROBOFARM_ADMIN_PASSWORD", UserService.ADMIN);
            }
        } else if (!users.adminExists()) {
            String password = randomPassword();
            users.ensureAdmin(password);
            log.warn("""

                    ============================================================
                    First start: created user '{}' with password {}
                    This is shown only once. Set ROBOFARM_ADMIN_PASSWORD to choose it.
                    ============================================================""", UserService.ADMIN, password);
        }
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
