package io.robofarm.orchestrator.security;

import io.robofarm.orchestrator.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/**
 * Answers API calls that are not logged in (401, with the Basic challenge unless the dashboard asks), lack the role or the
 * CSRF token (403) with the API's JSON error body instead of a login page.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "RoboFarm";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!fromTheDashboard(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Log in first: HTTP Basic with a RoboFarm user");
    }

    /**
     * The dashboard's fetch ({@code X-Requested-With}) or a browser whose session was lost: a Basic
     * challenge would make the browser pop up its own password dialog instead of our login page.
     */
    private static boolean fromTheDashboard(HttpServletRequest request) {
        return request.getHeader("X-Requested-With") != null || request.getRequestedSessionId() != null;
    }

    /**
     * A write without credentials fails the CSRF check before authorization is even asked; it is
     * still a caller who has not logged in, so it gets 401 like any anonymous call.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (!CurrentUser.isLoggedIn()) {
            commence(request, response, null);
        } else if (e instanceof CsrfException) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN");
        } else {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Your role may not " + request.getMethod() + " " + request.getRequestURI());
        }
    }
}
