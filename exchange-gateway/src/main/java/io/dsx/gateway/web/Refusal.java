package io.dsx.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * An expected refusal: a stable {@link Code} (the problem's {@code code}) and a detail for humans that
 * never holds key material or record values. Services return these; {@link Problems} maps them.
 */
public record Refusal(Code code, String detail) {

    /** Stable API: names may be added, never changed. Each carries its HTTP status. */
    public enum Code {
        MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
        MALFORMED_ENVELOPE(HttpStatus.BAD_REQUEST),
        INVALID_CURSOR(HttpStatus.BAD_REQUEST),
        UNSUPPORTED_VERSION(HttpStatus.BAD_REQUEST),
        UNSUPPORTED_ALGORITHM(HttpStatus.BAD_REQUEST),
        BAD_SIGNATURE(HttpStatus.BAD_REQUEST),
        DECRYPT_FAILED(HttpStatus.BAD_REQUEST),
        MERKLE_MISMATCH(HttpStatus.BAD_REQUEST),
        COUNT_MISMATCH(HttpStatus.BAD_REQUEST),
        RECORD_INVALID(HttpStatus.BAD_REQUEST),
        UNKNOWN_RECIPIENT_KEY(HttpStatus.BAD_REQUEST),
        INVALID_CERTIFICATE(HttpStatus.UNPROCESSABLE_CONTENT),
        CERTIFICATE_IN_USE(HttpStatus.UNPROCESSABLE_CONTENT),
        INVALID_SCHEMA(HttpStatus.UNPROCESSABLE_CONTENT),
        UNKNOWN_FIELD(HttpStatus.UNPROCESSABLE_CONTENT),
        FIELD_NOT_PERMITTED(HttpStatus.UNPROCESSABLE_CONTENT),
        FOREIGN_KEY(HttpStatus.FORBIDDEN),
        KEY_REVOKED(HttpStatus.FORBIDDEN),
        CERTIFICATE_NOT_VALID(HttpStatus.FORBIDDEN),
        NOT_OWNER(HttpStatus.FORBIDDEN),
        NOT_YOURS(HttpStatus.FORBIDDEN),
        GRANT_NOT_LIVE(HttpStatus.FORBIDDEN),
        ACCESS_DENIED(HttpStatus.FORBIDDEN),
        UNKNOWN_INSTITUTION(HttpStatus.NOT_FOUND),
        UNKNOWN_DATASET(HttpStatus.NOT_FOUND),
        UNKNOWN_KEY(HttpStatus.NOT_FOUND),
        UNKNOWN_SCHEMA_VERSION(HttpStatus.NOT_FOUND),
        UNKNOWN_ACCESS_REQUEST(HttpStatus.NOT_FOUND),
        UNKNOWN_JOB(HttpStatus.NOT_FOUND),
        INSTITUTION_EXISTS(HttpStatus.CONFLICT),
        DATASET_EXISTS(HttpStatus.CONFLICT),
        KEY_EXISTS(HttpStatus.CONFLICT),
        INCOMPATIBLE_SCHEMA(HttpStatus.CONFLICT),
        CONCURRENT_CHANGE(HttpStatus.CONFLICT),
        MANIFEST_MISMATCH(HttpStatus.CONFLICT),
        CONTRIBUTION_IN_PROGRESS(HttpStatus.CONFLICT),
        REQUEST_NOT_PENDING(HttpStatus.CONFLICT),
        NOT_GRANTED(HttpStatus.CONFLICT),
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        RECORD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        private final HttpStatus status;

        Code(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Thrown by controllers only, to hand a refusal to {@link Problems}. */
    public static final class Exception extends RuntimeException {
        private final Refusal refusal;

        public Exception(Refusal refusal) {
            super(refusal.code().wire(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    public static Exception of(Code code, String detail) {
        return new Exception(new Refusal(code, detail));
    }
}
