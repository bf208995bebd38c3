package io.robofarm.orchestrator.security;

import io.robofarm.orchestrator.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import java.io.IOException;

/**
 * Answers the login page's fetch of {@code POST /login} with a status instead of a redirect: 204 when
 * the session is logged in, 401 with a JSON message otherwise. The page itself decides where to go
 * next (the view the user was on), so no request is saved to land on.
 */
class FormLoginAnswers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Wrong username or password");
    }
}
