package io.robofarm.orchestrator.security;

import io.robofarm.orchestrator.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Answers API calls that are not logged in (401, with the Basic challenge) or lack the role (403)
 * with the API's JSON error body instead of a login page.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "RoboFarm";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Log in first: HTTP Basic with a RoboFarm user");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, request.getUserPrincipal() == null
                ? "Forbidden: missing or invalid CSRF token"
                : "Your role may not " + request.getMethod() + " " + request.getRequestURI());
    }
}
