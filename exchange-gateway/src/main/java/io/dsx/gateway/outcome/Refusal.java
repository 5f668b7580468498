package io.dsx.gateway.outcome;

/**
 * An expected refusal: a stable {@link Code} (the problem's {@code code}) and a detail for humans that
 * never holds key material or record values. Services return these; the web package maps them to HTTP.
 */
public record Refusal(Code code, String detail) {

    /**
     * Every problem code the gateway answers with: one registry. Stable API: names may be added, never
     * changed. Each carries its HTTP status.
     */
    public enum Code {
        MALFORMED_REQUEST(400),
        MALFORMED_ENVELOPE(400),
        INVALID_CURSOR(400),
        UNSUPPORTED_VERSION(400),
        UNSUPPORTED_ALGORITHM(400),
        BAD_SIGNATURE(400),
        DECRYPT_FAILED(400),
        MERKLE_MISMATCH(400),
        COUNT_MISMATCH(400),
        RECORD_INVALID(400),
        UNKNOWN_RECIPIENT_KEY(400),
        INVALID_CERTIFICATE(422),
        CERTIFICATE_IN_USE(422),
        INVALID_SCHEMA(422),
        UNKNOWN_FIELD(422),
        FIELD_NOT_PERMITTED(422),
        FOREIGN_KEY(403),
        KEY_REVOKED(403),
        CERTIFICATE_NOT_VALID(403),
        NOT_OWNER(403),
        NOT_YOURS(403),
        GRANT_NOT_LIVE(403),
        MAX_RECORDS_REACHED(403),
        ACCESS_DENIED(403),
        UNKNOWN_INSTITUTION(404),
        UNKNOWN_DATASET(404),
        UNKNOWN_KEY(404),
        UNKNOWN_SCHEMA_VERSION(404),
        UNKNOWN_ACCESS_REQUEST(404),
        UNKNOWN_JOB(404),
        INSTITUTION_EXISTS(409),
        DATASET_EXISTS(409),
        KEY_EXISTS(409),
        INCOMPATIBLE_SCHEMA(409),
        CONCURRENT_CHANGE(409),
        MANIFEST_MISMATCH(409),
        CONTRIBUTION_IN_PROGRESS(409),
        REQUEST_NOT_PENDING(409),
        NOT_GRANTED(409),
        TOO_LARGE(413),
        RECORD_TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415),
        // who may call: the security filter chains
        UNAUTHENTICATED(401),
        INVALID_TOKEN(401),
        FORBIDDEN(403),
        // answers of the framework to a request it cannot route or read
        BAD_REQUEST(400),
        NOT_FOUND(404),
        METHOD_NOT_ALLOWED(405),
        NOT_ACCEPTABLE(406),
        // transient: nothing changed, send the same request again (503 with Retry-After)
        WRITE_ABORTED(503),
        AUDIT_UNAVAILABLE(503),
        STALE_VIEW(503),
        SERVICE_UNAVAILABLE(503),
        // a bug or broken infrastructure; the detail says nothing of internals
        INTERNAL(500);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        /** The HTTP status this code is answered with (the one mapping to HTTP is in the web package). */
        public int status() {
            return status;
        }

        /**
         * The code of an answer the framework gives on its own (no route, wrong method, unreadable body
         * ...), so that every problem the gateway sends carries a code of this registry.
         */
        public static Code forFrameworkStatus(int status) {
            return switch (status) {
                case 400 -> BAD_REQUEST;
                case 401 -> UNAUTHENTICATED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 405 -> METHOD_NOT_ALLOWED;
                case 406 -> NOT_ACCEPTABLE;
                case 413 -> TOO_LARGE;
                case 415 -> UNSUPPORTED_MEDIA_TYPE;
                case 503 -> SERVICE_UNAVAILABLE;
                default -> status >= 500 ? INTERNAL : BAD_REQUEST;
            };
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Thrown by controllers only, to hand a refusal to the web package's problem mapping. */
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
