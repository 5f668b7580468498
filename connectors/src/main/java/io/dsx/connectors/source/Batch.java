package io.dsx.connectors.source;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Consecutive records that go into one contribution.
 *
 * @param encoded each record's Avro binary, in order (encoded once, when the batch was cut)
 * @param framedBytes size of the records as framed in the envelope (salt, length, Avro bytes)
 */
public record Batch(List<SourceRecord> records, List<byte[]> encoded, long framedBytes) {
    public Batch {
        records = List.copyOf(records);
        encoded = List.copyOf(encoded);
        if (records.size() != encoded.size()) {
            throw new IllegalArgumentException("one encoding per record");
        }
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
