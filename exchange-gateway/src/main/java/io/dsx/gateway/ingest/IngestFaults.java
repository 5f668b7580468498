package io.dsx.gateway.ingest;

/**
 * A seam for tests that must break a contribution midway: after its stored segments are written and
 * acknowledged, before its ledger entry (the commit marker) is. Production has none; a test
 * configuration may provide one as a bean.
 */
@FunctionalInterface
public interface IngestFaults {

    /** Called between the segments and the ledger entry; an exception here leaves the segments orphaned. */
    void beforeCommit(String contributionId);
}
