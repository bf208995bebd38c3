package io.robofarm.orchestrator.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A password encoder that remembers, for a short time, which password checks succeeded. HTTP Basic
 * sends the password with every API call, and a BCrypt check costs tens of milliseconds by design:
 * without this, a script calling the API could make about ten calls a second. Only successful checks
 * are remembered, keyed by the stored hash (so a changed password is checked afresh at once) and by
 * an HMAC of the given password under a key that never leaves this process. Whether the user still
 * exists, is enabled and has its roles is still read from the database on every call.
 */
final class VerifiedPasswords implements PasswordEncoder {
    private static final int MAX_ENTRIES = 1024;

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    VerifiedPasswords(PasswordEncoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = encodedPassword + '\n' + mac(rawPassword);
        Instant now = clock.instant();
        synchronized (verified) {
            Instant until = verified.get(entry);
            if (until != null && now.isBefore(until)) {
                return true;
            }
            verified.remove(entry);
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(entry, now.plus(ttl));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
