package io.robofarm.orchestrator.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that turns failures into HTTP answers. Every error is an
 * {@code application/problem+json} body that also carries {@code status}, {@code error} and
 * {@code message}, so clients of the API contract and RFC 9457 clients both find what they look for.
 * Anything the caller sent gets a 4xx naming what was wrong; only a bug on our side is a 500, and
 * then the body says nothing about internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        e.properties().forEach(body::setProperty);
        return handleExceptionInternal(e, body, new HttpHeaders(), e.status(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, "The change conflicts with existing data (a name already taken, or a row still in use)", request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, "Someone else changed it at the same time; reload and try again", request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        String message = e.getConstraintViolations().stream()
                .map(v -> fieldOf(v) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(e, HttpStatus.BAD_REQUEST, message, request);
    }

    /** The violation's path as the client knows it: a controller parameter's name, without the Java method's. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        if (nodes.hasNext() && nodes.next().getKind() == ElementKind.METHOD) {
            String path = violation.getPropertyPath().toString();
            return path.substring(path.indexOf('.') + 1);
        }
        return violation.getPropertyPath().toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return problem(e, HttpStatus.BAD_REQUEST,
                "'" + e.getValue() + "' is not a valid value for '" + e.getName() + "' (expected " + expected + ")", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), e);
        return problem(e, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the server log has the details", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = e.getBindingResult().getAllErrors().stream()
                    .map(o -> String.valueOf(o.getDefaultMessage()))
                    .collect(Collectors.joining("; "));
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        String message = e.getAllErrors().stream()
                .map(o -> String.valueOf(o.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(e)), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        String message = "No endpoint " + e.getHttpMethod() + " /" + e.getResourcePath();
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message), headers, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e, HttpHeaders headers,
                                                                         HttpStatusCode status, WebRequest request) {
        String message = "Method " + e.getMethod() + " is not supported here"
                + (e.getSupportedHttpMethods() == null ? "" : "; use " + e.getSupportedHttpMethods());
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, message), headers, status, request);
    }

    /**
     * Every problem the base class builds passes through here: give it the contract's
     * {@code error} and {@code message} fields.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatusAndDetail(status,
                e.getMessage() == null ? defaultMessage(status) : e.getMessage());
        if (problem.getDetail() == null) {
            problem.setDetail(defaultMessage(status));
        }
        HttpStatus resolved = HttpStatus.resolve(status.value());
        problem.setProperty("error", resolved == null ? String.valueOf(status.value()) : resolved.getReasonPhrase());
        problem.setProperty("message", problem.getDetail());
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String message, WebRequest request) {
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, message), new HttpHeaders(), status, request);
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String defaultMessage(HttpStatusCode status) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        return resolved == null ? "Request failed" : resolved.getReasonPhrase();
    }

    /** Names the field and the expected type when the JSON parsed but did not fit, else says what is wrong with it. */
    private static String unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                Class<?> target = mismatch.getTargetType();
                String expected = target.isEnum() ? "one of " + List.of(target.getEnumConstants()) : target.getSimpleName();
                return "Field '" + path(json) + "' has the wrong type (expected " + expected + ")";
            }
            return "Field '" + path(json) + "' is invalid: " + json.getOriginalMessage();
        }
        if (cause instanceof MismatchedInputException) {
            return "Request body must be a JSON object with the documented fields";
        }
        if (cause instanceof StreamReadException read) {
            return "Malformed JSON: " + read.getOriginalMessage();
        }
        return "Request body is missing or is not valid JSON";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
