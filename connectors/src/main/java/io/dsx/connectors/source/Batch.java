package io.dsx.connectors.source;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Consecutive records that go into one contribution.
 *
 * @param framedBytes size of the records as framed in the envelope (salt, length, Avro bytes)
 */
public record Batch(List<SourceRecord> records, long framedBytes) {
  public Batch {
    records = List.copyOf(records);
  }

  public List<GenericRecord> genericRecords() {
    return records.stream().map(SourceRecord::record).toList();
  }

  public long firstLine() {
    return records.get(0).line();
  }

  public long lastLine() {
    return records.get(records.size() - 1).line();
  }
}
