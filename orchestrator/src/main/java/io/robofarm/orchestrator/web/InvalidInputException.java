package io.robofarm.orchestrator.web;

import org.springframework.http.HttpStatus;

/** Input that passed JSON parsing and bean validation but is still wrong (a bad parameter value): HTTP 400. */
public class InvalidInputException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
