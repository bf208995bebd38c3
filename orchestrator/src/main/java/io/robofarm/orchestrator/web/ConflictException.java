package io.robofarm.orchestrator.web;

import org.springframework.http.HttpStatus;

/** The request is well formed but clashes with the current state (a taken name, say): HTTP 409. */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
