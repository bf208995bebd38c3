package io.robofarm.orchestrator.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A failure caused by what the caller sent, carrying the HTTP status and a message meant for them.
 * {@link ApiExceptionHandler} turns it into a JSON problem; extra properties (such as the line and
 * column of a script error) go into the body as fields.
 */
public abstract class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    protected ApiException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** Fields added to the error body next to status, error and message. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
