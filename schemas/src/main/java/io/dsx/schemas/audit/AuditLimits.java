package io.dsx.schemas.audit;

/**
 * Bounds on every part of an audit event, checked when an event is built and when one is read, so no
 * event can exhaust a writer, a reader or Kafka's default 1 MiB message size.
 */
public final class AuditLimits {
    /** Ids, names, actions, reasons, labels: at most this many characters. */
    public static final int MAX_TEXT = 512;
    /** The input and the result, each, as canonical JSON text. */
    public static final int MAX_JSON_CHARS = 65_536;
    /** Nesting depth of input and result. */
    public static final int MAX_JSON_DEPTH = 32;
    /** Field names in one event. */
    public static final int MAX_FIELDS = 1_024;
    /** Subject hashes in one event (a data-plane response serving more subjects writes several events). */
    public static final int MAX_SUBJECTS = 8_192;
    /** Labels in one event. */
    public static final int MAX_LABELS = 16;
    /** The encoded event. */
    public static final int MAX_EVENT_BYTES = 900_000;

    private AuditLimits() {}
}
