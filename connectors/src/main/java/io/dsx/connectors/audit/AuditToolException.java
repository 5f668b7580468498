package io.dsx.connectors.audit;

/**
 * An expected failure of an audit tool (a malformed or oversized export, a missing policy revision, a
 * gateway answer that breaks the contract): one line naming the file, log or position, never a subject
 * identifier or a record value.
 */
public final class AuditToolException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuditToolException(String message) {
        super(message);
    }

    public AuditToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
