package io.dsx.connectors.audit;

import io.dsx.schemas.audit.AuditLimits;

/**
 * Bounds on what the audit tools read from an export directory or a gateway, so a hostile export or
 * gateway cannot exhaust the CLI. One event's bounds are the format's ({@link AuditLimits}).
 */
public final class ExportLimits {
    /** Logs (dsx.audit partitions) in one export. */
    public static final int MAX_LOGS = 1_024;
    /**
     * Events in one log. Verification keeps the log's Merkle tree in memory (about 110 bytes per event),
     * so this is also what bounds memory: about 1.1 GB at the limit.
     */
    public static final long MAX_EVENTS_PER_LOG = 10_000_000L;
    /** One line of events.ndjson: the base64 of the largest event (1,200,000 characters) and its JSON. */
    public static final int MAX_EVENT_LINE_CHARS = (AuditLimits.MAX_EVENT_BYTES + 2) / 3 * 4 + 1_000;
    /** Signed checkpoints of one log, and of a saved-checkpoint file. */
    public static final int MAX_CHECKPOINTS_PER_LOG = 200_000;
    /** The verifier key text. */
    public static final int MAX_KEY_CHARS = 1_024;
    /** Policy revisions in one export. */
    public static final int MAX_POLICIES = 1_000;
    /** One policy bundle as kept on dsx.policies. */
    public static final int MAX_POLICY_BYTES = 16 << 20;
    /** A JSON answer of the auditor API other than an events page (log list, checkpoint list). */
    public static final int MAX_JSON_ANSWER_BYTES = 64 << 20;
    /** Releases {@link Disclosures} lists for one subject. */
    public static final int MAX_RELEASES = 1_000_000;
    /** Distinct datasets, institutions or grants a report or query keeps apart; the rest are counted as one. */
    public static final int MAX_DISTINCT = 10_000;

    private ExportLimits() {}
}
