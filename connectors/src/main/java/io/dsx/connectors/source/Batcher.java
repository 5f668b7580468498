package io.dsx.connectors.source;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.RecordCodec;
import io.dsx.schemas.record.RecordFraming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link SourceReader} into batches of at most {@code maxRecords} records and at most
 * {@code maxBytes} framed bytes (what the records weigh inside the envelope's plaintext), reading
 * one batch ahead at most. A single record larger than {@code maxBytes} is an error, not a batch of
 * its own that the gateway would refuse.
 */
public final class Batcher {
    private final SourceReader source;
    private final RecordCodec codec;
    private final int maxRecords;
    private final long maxBytes;
    private SourceRecord pending;
    private byte[] pendingAvro;
    private long pendingBytes;

    public Batcher(SourceReader source, DatasetSchema schema, int maxRecords, long maxBytes) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("batch records must be at least 1, got " + maxRecords);
        }
        if (maxBytes < 64) {
            throw new IllegalArgumentException("batch bytes must be at least 64, got " + maxBytes);
        }
        this.source = source;
        this.codec = RecordCodec.of(schema);
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** The next batch, or null when the source is exhausted. */
    public Batch next() throws SourceException, IOException {
        List<SourceRecord> records = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        long bytes = 0;
        while (records.size() < maxRecords) {
            if (pending == null && !readAhead()) {
                break;
            }
            if (bytes + pendingBytes > maxBytes) {
                break;
            }
            records.add(pending);
            encoded.add(pendingAvro);
            bytes += pendingBytes;
            pending = null;
            pendingAvro = null;
        }
        return records.isEmpty() ? null : new Batch(records, encoded, bytes);
    }

    private boolean readAhead() throws SourceException, IOException {
        SourceRecord next = source.next();
        if (next == null) {
            return false;
        }
        byte[] bytes = codec.encode(next.record());
        int avro = bytes.length;
        if (avro > RecordFraming.MAX_RECORD_BYTES) {
            throw new SourceException(
                    source.name(),
                    next.line(),
                    "record is " + avro + " bytes, the limit is " + RecordFraming.MAX_RECORD_BYTES);
        }
        long framed = framedSize(avro);
        if (framed > maxBytes) {
            throw new SourceException(
                    source.name(),
                    next.line(),
                    "record takes " + framed + " bytes, more than the batch limit of " + maxBytes
                            + " (raise --batch-bytes)");
        }
        pending = next;
        pendingAvro = bytes;
        pendingBytes = framed;
        return true;
    }

    /** Salt, unsigned LEB128 length, Avro bytes (docs/formats.md section 4). */
    static long framedSize(int avroBytes) {
        int lengthBytes = 1;
        for (long v = avroBytes >>> 7; v != 0; v >>>= 7) {
            lengthBytes++;
        }
        return RecordFraming.SALT_BYTES + lengthBytes + (long) avroBytes;
    }
}
