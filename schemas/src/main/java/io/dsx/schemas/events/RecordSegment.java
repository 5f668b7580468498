package io.dsx.schemas.events;

/**
 * One stored segment of a contribution (record {@code RecordSegment} of the ledger entry): the Kafka
 * record at {@code partition}/{@code offset} of the data topic holds records
 * {@code [firstLeaf, firstLeaf + recordCount)} (dsx-schemas {@code StoredSegment}).
 */
public record RecordSegment(int partition, long offset, int firstLeaf, int recordCount) {
    public RecordSegment {
        if (partition < 0 || offset < 0 || firstLeaf < 0 || recordCount < 1) {
            throw new IllegalArgumentException("inconsistent segment");
        }
    }
}
