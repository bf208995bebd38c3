package io.robofarm.orchestrator.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses API requests whose declared body is larger than {@code robofarm.api.max-request-bytes}
 * with 413 before anything reads them, so a huge upload costs neither memory nor a parse.
 * Bodies without a declared length are still bounded by the field sizes the API validates.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;

    RequestSizeLimitFilter(@Value("${robofarm.api.max-request-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            String message = "Request body of " + length + " bytes is over the limit of " + maxBytes + " bytes";
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, message);
            return;
        }
        chain.doFilter(request, response);
    }
}
