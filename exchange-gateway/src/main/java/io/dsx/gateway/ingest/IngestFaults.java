package io.dsx.gateway.ingest;

/**
 * A seam for tests that must break a contribution midway (after its records are sent, before the
 * transaction commits). Production has none; a test configuration may provide one as a bean.
 */
@FunctionalInterface
public interface IngestFaults {

    /** Called inside the open transaction; an exception here aborts it. */
    void beforeCommit(String contributionId);
}
