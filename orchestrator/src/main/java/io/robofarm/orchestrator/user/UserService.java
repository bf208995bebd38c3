package io.robofarm.orchestrator.user;

import io.robofarm.orchestrator.audit.AuditLog;
import io.robofarm.orchestrator.web.ConflictException;
import io.robofarm.orchestrator.web.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Manages users. Passwords are stored only as BCrypt hashes and never logged; the last enabled
 * administrator cannot be removed, demoted or disabled, so the farm always has someone in charge.
 */
@Service
public class UserService {
    /** The administrator account created at first start. */
    public static final String ADMIN = "admin";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AppUser> list() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    public AppUser get(String username) {
        return find(username);
    }

    @Transactional
    public AppUser create(String username, String password, Role role) {
        if (users.existsByUsername(username)) {
            throw new ConflictException("A user named '" + username + "' already exists");
        }
        AppUser user = users.save(new AppUser(username, encoder.encode(password), role, clock.instant()));
        audit.record("CREATE", "USER", username, "created user '" + username + "' with role " + role);
        return user;
    }

    /** Changes what is given (null leaves it as it is). */
    @Transactional
    public AppUser update(String username, String password, Role role, Boolean enabled) {
        AppUser user = find(username);
        boolean losesAdmin = user.getRole() == Role.ADMIN && user.isEnabled()
                && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(enabled));
        if (losesAdmin) {
            requireAnotherAdmin(username);
        }
        if (password != null) {
            user.changePassword(encoder.encode(password));
        }
        if (role != null) {
            user.changeRole(role);
        }
        if (enabled != null) {
            user.changeEnabled(enabled);
        }
        audit.record("UPDATE", "USER", username, "changed user '" + username + "'"
                + (password != null ? ", password" : "") + (role != null ? ", role " + role : "")
                + (enabled != null ? ", enabled " + enabled : ""));
        return user;
    }

    @Transactional
    public void delete(String username) {
        AppUser user = find(username);
        if (user.getRole() == Role.ADMIN && user.isEnabled()) {
            requireAnotherAdmin(username);
        }
        users.delete(user);
        audit.record("DELETE", "USER", username, "deleted user '" + username + "'");
    }

    /**
     * Makes sure {@code admin} exists with the given password: creates it, or resets its password
     * when it differs. Returns true when something changed.
     */
    @Transactional
    public boolean ensureAdmin(String password) {
        return users.findByUsername(ADMIN).map(admin -> {
            if (encoder.matches(password, admin.getPasswordHash()) && admin.getRole() == Role.ADMIN && admin.isEnabled()) {
                return false;
            }
            admin.changePassword(encoder.encode(password));
            admin.changeRole(Role.ADMIN);
            admin.changeEnabled(true);
            audit.record("UPDATE", "USER", ADMIN, "set the administrator password from the configuration");
            return true;
        }).orElseGet(() -> {
            users.save(new AppUser(ADMIN, encoder.encode(password), Role.ADMIN, clock.instant()));
            audit.record("CREATE", "USER", ADMIN, "created the administrator at first start");
            return true;
        });
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return users.existsByUsername(ADMIN);
    }

    private void requireAnotherAdmin(String username) {
        if (users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new ConflictException("'" + username + "' is the last enabled administrator");
        }
    }

    private AppUser find(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
    }
}
