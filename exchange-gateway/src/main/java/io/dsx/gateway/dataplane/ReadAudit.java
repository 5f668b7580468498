package io.dsx.gateway.dataplane;

/**
 * The seam where the audit log records data-plane reads (DESIGN §5, invariant 5: no data leaves the
 * gateway before the event that records it is durably written). {@link #beforeRead} is called after
 * the policy allowed the read and before the first byte; an exception from it refuses the read.
 */
public interface ReadAudit {

    void beforeRead(ReadAuthorizer.Authorized read, Cursor from);

    /**
     * Called for each page of the response that holds records, before any of its bytes are written;
     * an exception stops the response there (nothing of that page leaves).
     */
    default void beforePage(ReadAuthorizer.Authorized read, ServedPage page) throws java.io.IOException {}

    void afterRead(ReadAuthorizer.Authorized read, Cursor from, long records, Cursor resume);
}
