package io.dsx.schemas.events;

/**
 * Where one partition received a contribution's stored records (record {@code RecordSegment}).
 *
 * @param lastOffset inclusive
 * @param recordCount records of this contribution within [firstOffset, lastOffset]
 */
public record RecordSegment(int partition, long firstOffset, long lastOffset, long recordCount) {
  public RecordSegment {
    if (partition < 0 || firstOffset < 0 || lastOffset < firstOffset || recordCount < 1
        || recordCount > lastOffset - firstOffset + 1) {
      throw new IllegalArgumentException("inconsistent segment");
    }
  }
}
