package io.robofarm.orchestrator.web;

import org.springframework.http.HttpStatus;

/** The id or name in the request names nothing that exists: HTTP 404. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
