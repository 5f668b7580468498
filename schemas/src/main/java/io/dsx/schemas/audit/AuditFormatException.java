package io.dsx.schemas.audit;

/** Bytes that are not a valid, canonical audit event, or a note that is not a valid checkpoint. */
public final class AuditFormatException extends Exception {
    public AuditFormatException(String message) {
        super(message);
    }

    public AuditFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
