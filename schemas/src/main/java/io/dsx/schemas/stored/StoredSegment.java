package io.dsx.schemas.stored;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.record.RecordFraming;
import io.dsx.schemas.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored segment, version 2: one Kafka record value on {@code dsx.data.<datasetId>} holding
 * {@code recordCount} consecutive records of one contribution, framed exactly as in the envelope
 * plaintext ({@code salt[16] || LEB128 length || Avro binary}, records {@code firstLeaf ..}), sealed
 * with AES-256-GCM under a dataset DEK:
 * <pre>
 *   0x02 || contributionId[16] || u32 schemaVersion || u32 firstLeaf || u32 recordCount
 *        || u8 n || keyId[n] || nonce[12] || ciphertext || tag[16]
 *   aad = "dsx/stored-segment/v2" || u16 len || datasetId || (every byte before the nonce)
 * </pre>
 * All integers big-endian. The clear part names no person and no value: a contribution id (a
 * random UUIDv7), counts and a key id. The aad binds it and the dataset, so a segment moved to another
 * dataset, contribution or position, or relabelled, does not open. A reader takes the position of a
 * segment and what it must hold from the contribution's ledger entry (the commit marker) and
 * {@link #open opens} it against that expectation.
 */
public final class StoredSegment {
    public static final byte VERSION = 0x02;
    public static final int MAX_KEY_ID_BYTES = 255;
    private static final byte[] AAD_LABEL = "dsx/stored-segment/v2".getBytes(StandardCharsets.US_ASCII);
    private static final int FIXED_HEADER = 1 + 16 + 4 + 4 + 4 + 1;

    /** Why a stored value did not open. */
    public enum Failure {
        /** not a version-2 segment, or truncated */
        MALFORMED,
        /** its clear header differs from what the ledger entry says this position holds */
        UNEXPECTED,
        /** sealed under a DEK this gateway does not hold */
        UNKNOWN_KEY,
        /** the tag does not verify: altered, moved or relabelled */
        DECRYPT_FAILED,
        /** opened, but its records are not {@code recordCount} well-framed records */
        BAD_FRAMING
    }

    /** Thrown by {@link #open}; the message names positions and counts, never data. */
    public static final class OpenException extends Exception {
        private final Failure failure;

        public OpenException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** The clear part of a segment. */
    public record Header(UUID contributionId, int schemaVersion, int firstLeaf, int recordCount, String keyId) {
        public Header {
            Objects.requireNonNull(contributionId, "contributionId");
            Objects.requireNonNull(keyId, "keyId");
            int n = keyId.getBytes(StandardCharsets.UTF_8).length;
            if (schemaVersion < 1 || firstLeaf < 0 || recordCount < 1 || n < 1 || n > MAX_KEY_ID_BYTES) {
                throw new IllegalArgumentException("inconsistent segment header");
            }
        }

        byte[] toBytes() {
            byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(FIXED_HEADER + id.length);
            b.put(VERSION)
                    .putLong(contributionId.getMostSignificantBits())
                    .putLong(contributionId.getLeastSignificantBits())
                    .putInt(schemaVersion)
                    .putInt(firstLeaf)
                    .putInt(recordCount)
                    .put((byte) id.length)
                    .put(id);
            return b.array();
        }
    }

    /** Finds a DEK by id (the gateway's {@code DekManager::key}). */
    @FunctionalInterface
    public interface Keys {
        Optional<AesGcmKey> find(String keyId);
    }

    private StoredSegment() {}

    /** Bytes of a sealed segment with {@code header} over {@code plaintextLength} framed bytes. */
    public static int sealedLength(Header header, int plaintextLength) {
        return header.toBytes().length + AesGcmKey.sealedLength(plaintextLength);
    }

    /** The largest framed plaintext whose sealed segment stays within {@code maxValueBytes}. */
    public static int maxPlaintext(int maxValueBytes) {
        return maxValueBytes - FIXED_HEADER - MAX_KEY_ID_BYTES - AesGcmKey.sealedLength(0);
    }

    /** Seals {@code frames[offset, offset + length)}, which must be {@code header.recordCount()} frames. */
    public static byte[] seal(String datasetId, Header header, AesGcmKey key, byte[] frames, int offset, int length) {
        byte[] head = header.toBytes();
        byte[] out = new byte[head.length + AesGcmKey.sealedLength(length)];
        System.arraycopy(head, 0, out, 0, head.length);
        key.seal(frames, offset, length, aad(datasetId, head, head.length), out, head.length);
        return out;
    }

    /** Reads the clear header of a stored value (for reports on orphans; {@link #open} checks it itself). */
    public static Header header(byte[] value) throws WireFormatException {
        if (value == null || value.length < FIXED_HEADER || value[0] != VERSION) {
            throw new WireFormatException("not a version-2 stored segment");
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        b.get();
        UUID id = new UUID(b.getLong(), b.getLong());
        int schemaVersion = b.getInt();
        int firstLeaf = b.getInt();
        int count = b.getInt();
        int n = b.get() & 0xFF;
        if (n == 0 || value.length < FIXED_HEADER + n + AesGcmKey.sealedLength(0)) {
            throw new WireFormatException("stored segment truncated");
        }
        String keyId = new String(value, FIXED_HEADER, n, StandardCharsets.UTF_8);
        try {
            return new Header(id, schemaVersion, firstLeaf, count, keyId);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("stored segment header out of range");
        }
    }

    /**
     * Opens a stored value that the ledger says holds {@code expected}'s records (its key id is taken
     * from the value), returning them framed in place.
     */
    public static RecordFrames open(
            String datasetId,
            byte[] value,
            UUID contributionId,
            int schemaVersion,
            int firstLeaf,
            int recordCount,
            Keys keys)
            throws OpenException {
        Header h;
        try {
            h = header(value);
        } catch (WireFormatException e) {
            throw new OpenException(Failure.MALFORMED, e.getMessage());
        }
        if (!h.contributionId().equals(contributionId)
                || h.schemaVersion() != schemaVersion
                || h.firstLeaf() != firstLeaf
                || h.recordCount() != recordCount) {
            throw new OpenException(
                    Failure.UNEXPECTED,
                    "the stored segment is not records " + firstLeaf + ".." + (firstLeaf + recordCount - 1)
                            + " of the contribution its ledger entry names");
        }
        AesGcmKey key = keys.find(h.keyId())
                .orElseThrow(() ->
                        new OpenException(Failure.UNKNOWN_KEY, "no DEK " + h.keyId() + " for this stored segment"));
        int headLength = FIXED_HEADER + h.keyId().getBytes(StandardCharsets.UTF_8).length;
        byte[] plaintext;
        try {
            plaintext = key.open(value, headLength, value.length - headLength, aad(datasetId, value, headLength));
        } catch (CryptoException e) {
            throw new OpenException(
                    Failure.DECRYPT_FAILED,
                    "the stored segment of records " + firstLeaf + ".. does not"
                            + " open (altered, moved or under another dataset)");
        }
        try {
            RecordFrames frames = RecordFraming.index(plaintext, recordCount);
            if (frames.count() != recordCount) {
                throw new WireFormatException("holds " + frames.count() + " records, not " + recordCount);
            }
            return frames;
        } catch (WireFormatException e) {
            java.util.Arrays.fill(plaintext, (byte) 0);
            throw new OpenException(Failure.BAD_FRAMING, "stored segment: " + e.getMessage());
        }
    }

    private static byte[] aad(String datasetId, byte[] head, int headLength) {
        byte[] ds = datasetId.getBytes(StandardCharsets.UTF_8);
        if (ds.length > 0xFFFF) {
            throw new IllegalArgumentException("dataset id too long");
        }
        ByteBuffer b = ByteBuffer.allocate(AAD_LABEL.length + 2 + ds.length + headLength);
        b.put(AAD_LABEL).putShort((short) ds.length).put(ds).put(head, 0, headLength);
        return b.array();
    }
}
