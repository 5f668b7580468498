package io.dsx.schemas.audit;

import io.dsx.crypto.note.Checkpoint;

/**
 * What {@link AuditVerifier} found for one log.
 *
 * @param origin           the log checked
 * @param events           events read
 * @param problem          null when the log verifies
 * @param firstBadPosition the first position (seq) that is wrong or missing; -1 when the log verifies
 * @param detail           one line for a human
 * @param latest           the newest valid checkpoint the log was checked against, or null
 * @param uncovered        events after {@code latest}: checked by the chain only, until the next checkpoint
 */
public record Verdict(
        String origin,
        long events,
        Problem problem,
        long firstBadPosition,
        String detail,
        Checkpoint latest,
        long uncovered) {

    /** Stable problem codes of {@code dsx audit verify}. */
    public enum Problem {
        /** Bytes that are not a canonical audit event. */
        MALFORMED_EVENT,
        /** An event missing, duplicated or out of order (its seq is not its position). */
        SEQUENCE_BROKEN,
        /** An event whose bytes are not the ones the next event's prev commits to. */
        CHAIN_BROKEN,
        /** A checkpoint of this log whose signature does not verify, or that is not a checkpoint. */
        BAD_CHECKPOINT,
        /** The events do not hash to the root a valid signed checkpoint commits to. */
        CHECKPOINT_MISMATCH,
        /** The log is shorter than a valid checkpoint says it was. */
        TRUNCATED,
        /** The log is not an extension of the checkpoint the auditor saved. */
        INCONSISTENT_WITH_SAVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean ok() {
        return problem == null;
    }
}
