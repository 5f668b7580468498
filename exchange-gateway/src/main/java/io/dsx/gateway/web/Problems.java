package io.dsx.gateway.web;

import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.TransientFailure;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure answered by a controller becomes {@code application/problem+json} here. Spring's own
 * errors (404, 405, 415, 400 ...) keep their status and gain a stable {@code code}; anything unexpected
 * is a 500 whose detail says nothing about internals (the log has the stack trace, never a record).
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** A problem with a stable {@code code} (also the last segment of its {@code type}). */
    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:dsx:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail detail
                && (detail.getProperties() == null || !detail.getProperties().containsKey("code"))) {
            String code = Refusal.Code.forFrameworkStatus(status.value()).wire();
            detail.setType(URI.create("urn:dsx:problem:" + code));
            detail.setProperty("code", code);
        }
        return response;
    }

    @ExceptionHandler(Refusal.Exception.class)
    ResponseEntity<ProblemDetail> refused(Refusal.Exception e) {
        Refusal refusal = e.refusal();
        HttpStatusCode status = HttpStatusCode.valueOf(refusal.code().status());
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, refusal.code().wire(), refusal.detail()));
    }

    @ExceptionHandler(TransientFailure.class)
    ResponseEntity<ProblemDetail> transientFailure(TransientFailure e) {
        LOG.warn(
                "{} ({})",
                e.code().wire(),
                e.getCause() == null ? "no cause" : e.getCause().getClass().getName());
        HttpStatusCode status = HttpStatusCode.valueOf(e.code().status());
        return ResponseEntity.status(status)
                .header("Retry-After", "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, e.code().wire(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            ProblemDetail detail = problem(
                    known.getStatusCode(),
                    Refusal.Code.forFrameworkStatus(known.getStatusCode().value())
                            .wire(),
                    known.getBody().getDetail());
            return ResponseEntity.status(known.getStatusCode()).body(detail);
        }
        LOG.error("unexpected failure ({})", e.getClass().getName(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        Refusal.Code.INTERNAL.wire(),
                        "an unexpected error occurred"));
    }
}
