package io.robofarm.orchestrator.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Only successful password checks are remembered, and only while the stored hash and the time allow. */
class VerifiedPasswordsTest {
    private final AtomicInteger checks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counting, Duration.ofMinutes(5), clock);

    @Test
    void aSuccessfulCheckIsRememberedUntilItExpires() {
        String hash = passwords.encode("s3cret");
        assertThat(passwords.matches("s3cret", hash)).isTrue();
        assertThat(passwords.matches("s3cret", hash)).isTrue();
        assertThat(checks).hasValue(1);
        now = now.plus(Duration.ofMinutes(6));
        assertThat(passwords.matches("s3cret", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void wrongPasswordsAreCheckedEveryTime() {
        String hash = passwords.encode("s3cret");
        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aChangedPasswordHashIsCheckedAfresh() {
        String old = passwords.encode("s3cret");
        assertThat(passwords.matches("s3cret", old)).isTrue();
        String changed = passwords.encode("new-s3cret");
        assertThat(passwords.matches("s3cret", changed)).isFalse();
        assertThat(passwords.matches("new-s3cret", changed)).isTrue();
        assertThat(checks).hasValue(3);
    }
}
