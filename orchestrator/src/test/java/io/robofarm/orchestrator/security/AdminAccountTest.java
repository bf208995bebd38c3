package io.robofarm.orchestrator.security;

import io.robofarm.orchestrator.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a configured password, the first start gives admin a random one and prints it exactly once. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:admin-first-start;DB_CLOSE_DELAY=-1",
        "robofarm.admin-password=",
        "robofarm.demo.enabled=false",
        "robofarm.security.bcrypt-strength=4",
})
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountTest {
    private static final Pattern PRINTED = Pattern.compile("created user 'admin' with password (\\S+)");

    @Autowired
    AdminAccount adminAccount;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theFirstStartPrintsARandomPasswordOnceAndItWorks(CapturedOutput output) {
        Matcher printed = PRINTED.matcher(output.getAll());
        assertThat(printed.find()).as("the password is printed at first start").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSize(20);
        assertThat(encoder.matches(password, users.findByUsername("admin").orElseThrow().getPasswordHash())).isTrue();

        adminAccount.afterSingletonsInstantiated();
        assertThat(PRINTED.matcher(output.getAll()).results().count()).as("a later start prints nothing").isEqualTo(1);
        assertThat(output.getAll().replaceFirst(Pattern.quote(password), "")).doesNotContain(password);
    }
}
