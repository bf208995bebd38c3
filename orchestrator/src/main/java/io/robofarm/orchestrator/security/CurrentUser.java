package io.robofarm.orchestrator.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, for records such as "created by": the logged-in user, or {@code system}. */
public final class CurrentUser {
    /** The actor for work no user started: demo seeding, schedules, recovery. */
    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static String name() {
        return isLoggedIn() ? SecurityContextHolder.getContext().getAuthentication().getName() : SYSTEM;
    }

    /** Whether a user (not the anonymous placeholder) is logged in on this thread. */
    public static boolean isLoggedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && !(auth instanceof AnonymousAuthenticationToken) && auth.isAuthenticated();
    }
}
