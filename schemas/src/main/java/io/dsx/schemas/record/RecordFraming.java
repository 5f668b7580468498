package io.dsx.schemas.record;

import io.dsx.schemas.wire.Leb128;
import io.dsx.schemas.wire.StrictBinaryDecoder;
import io.dsx.schemas.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The envelope plaintext: records one after the other, each {@code salt[16] || length || bytes}
 * where {@code length} is an unsigned LEB128 varint (no zig-zag, minimal form). There is no count
 * and no terminator: the plaintext ends exactly after the last record.
 */
public final class RecordFraming {
    public static final int SALT_BYTES = 16;
    /** Largest accepted record, in bytes of Avro binary. */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    private RecordFraming() {}

    public static byte[] frame(List<FramedRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FramedRecord r : records) {
            if (r.record().length > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException(
                        "record of " + r.record().length + " bytes exceeds " + MAX_RECORD_BYTES);
            }
            out.writeBytes(r.salt());
            Leb128.write(r.record().length, out);
            out.writeBytes(r.record());
        }
        return out.toByteArray();
    }

    /**
     * Indexes a plaintext's records in place (no copies), refusing truncation, oversize lengths and
     * more than {@code maxRecords} records; all or nothing.
     */
    public static RecordFrames index(byte[] plaintext, long maxRecords) throws WireFormatException {
        StrictBinaryDecoder in = new StrictBinaryDecoder(plaintext);
        // a frame takes at least 17 bytes: bounds the arrays by the input, whatever it claims
        int capacity = (int) Math.min(maxRecords, plaintext.length / (SALT_BYTES + 1)) + 1;
        int[] frames = new int[Math.min(capacity, 1024) + 1];
        int[] records = new int[frames.length - 1];
        int n = 0;
        while (!in.isEnd()) {
            if (n >= maxRecords) {
                throw new WireFormatException("more than " + maxRecords + " records in the plaintext");
            }
            if (n == records.length) {
                records = Arrays.copyOf(records, Math.min(capacity, records.length * 2));
                frames = Arrays.copyOf(frames, records.length + 1);
            }
            frames[n] = in.position();
            in.skipFixed(SALT_BYTES);
            long length = in.readUnsignedLeb128();
            if (length > MAX_RECORD_BYTES) {
                throw new WireFormatException(
                        "record " + n + " claims " + length + " bytes, limit " + MAX_RECORD_BYTES);
            }
            records[n] = in.position();
            in.skipFixed((int) length);
            n++;
        }
        frames[n] = in.position();
        return new RecordFrames(plaintext, Arrays.copyOf(frames, n + 1), Arrays.copyOf(records, n));
    }

    /**
     * Splits a plaintext into copies of its records, refusing truncation, oversize lengths and more
     * than {@code maxRecords} records; all or nothing.
     */
    public static List<FramedRecord> split(byte[] plaintext, long maxRecords) throws WireFormatException {
        return index(plaintext, maxRecords).records();
    }
}
