package io.robofarm.orchestrator.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Comparator;
import java.util.List;
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
        List<InvalidValue> invalid = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidValue(f.getField(), String.valueOf(f.getDefaultMessage())))
                .toList();
        return invalidInput(e, invalid, e.getBindingResult().getAllErrors(), headers, request);
    }

    /**
     * Spring validates constraints on a handler's own parameters (a query parameter's range, a batch's size) before
     * the call; each is named as the client sent it. A return value that breaks its constraints is our bug.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        if (e.isForReturnValue()) {
            return unexpected(e, request);
        }
        List<InvalidValue> invalid = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new InvalidValue(
                        error instanceof FieldError field ? field.getField() : clientName(result.getMethodParameter()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalidInput(e, invalid, e.getAllErrors(), headers, request);
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

    /**
     * A 400 that lists what was invalid as {@code errors} and in the message, by name; errors tied to no name
     * (a check across fields) make the message when nothing else does.
     */
    private ResponseEntity<Object> invalidInput(Exception e, List<InvalidValue> invalid,
                                                List<? extends MessageSourceResolvable> allErrors,
                                                HttpHeaders headers, WebRequest request) {
        List<InvalidValue> errors = invalid.stream().sorted(InvalidValue.BY_FIELD).toList();
        String message = errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = allErrors.stream()
                    .map(error -> String.valueOf(error.getDefaultMessage()))
                    .collect(Collectors.joining("; "));
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The name a client gave a parameter: its {@code @RequestParam} name when it has one, else the Java name. */
    private static String clientName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
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

    /** One entry of a 400's {@code errors}: a body field or request parameter and what is wrong with it. */
    record InvalidValue(String field, String message) {
        static final Comparator<InvalidValue> BY_FIELD =
                Comparator.comparing(InvalidValue::field).thenComparing(InvalidValue::message);
    }
}
