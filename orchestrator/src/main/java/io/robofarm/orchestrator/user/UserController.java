package io.robofarm.orchestrator.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Users (for administrators) and {@code /api/me} (for anyone logged in). */
@RestController
class UserController {
    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    UserView me(Authentication authentication) {
        return UserView.of(users.get(authentication.getName()));
    }

    @GetMapping("/api/users")
    List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @GetMapping("/api/users/{username}")
    UserView get(@PathVariable String username) {
        return UserView.of(users.get(username));
    }

    @PostMapping("/api/users")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
        UserView created = UserView.of(users.create(request.username(), request.password(), request.role()));
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    @PutMapping("/api/users/{username}")
    UserView update(@PathVariable String username, @Valid @RequestBody UserChange request) {
        return UserView.of(users.update(username, request.password(), request.role(), request.enabled()));
    }

    @DeleteMapping("/api/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username) {
        users.delete(username);
    }

    /** A new user; the password is at least 8 characters. */
    record NewUser(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}",
                    message = "must be 1 to 64 letters, digits, '_', '.', '@' or '-'") String username,
            @NotNull @Size(min = 8, max = 128) String password,
            @NotNull Role role) {
    }

    /** Changes to a user; what is left out stays as it is. */
    record UserChange(@Size(min = 8, max = 128) String password, Role role, Boolean enabled) {
    }

    /** A user as the API shows it: never the password hash. */
    record UserView(String username, Role role, boolean enabled, Instant createdAt) {
        static UserView of(AppUser user) {
            return new UserView(user.getUsername(), user.getRole(), user.isEnabled(), user.getCreatedAt());
        }
    }
}
