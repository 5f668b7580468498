package io.dsx.schemas.record;

import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.merkle.MerkleTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each record lies in a framed plaintext ({@link RecordFraming}): an index over the bytes, not
 * a copy of them. Record {@code i}'s frame is {@code [frameStart(i), frameStart(i + 1))}, its salt the
 * first {@link RecordFraming#SALT_BYTES} bytes of the frame, its Avro binary
 * {@code [recordStart(i), frameStart(i + 1))}. Consecutive records are one contiguous slice, which is
 * what a stored segment seals. Holds plaintext: {@link #wipe()} when done; never printed.
 */
public final class RecordFrames {
    private final byte[] plaintext;
    private final int[] frameStart;
    private final int[] recordStart;

    RecordFrames(byte[] plaintext, int[] frameStart, int[] recordStart) {
        this.plaintext = plaintext;
        this.frameStart = frameStart;
        this.recordStart = recordStart;
    }

    public int count() {
        return recordStart.length;
    }

    /** The framed bytes, shared (read-only for callers). */
    public byte[] bytes() {
        return plaintext;
    }

    public int frameStart(int i) {
        return frameStart[i];
    }

    public int recordStart(int i) {
        return recordStart[i];
    }

    public int recordLength(int i) {
        return frameStart[i + 1] - recordStart[i];
    }

    /** Bytes of the frames of records {@code [first, first + n)}. */
    public int framedLength(int first, int n) {
        return frameStart[first + n] - frameStart[first];
    }

    /** A copy of record {@code i} (salt and Avro binary). */
    public FramedRecord record(int i) {
        return new FramedRecord(
                Arrays.copyOfRange(plaintext, frameStart[i], frameStart[i] + RecordFraming.SALT_BYTES),
                Arrays.copyOfRange(plaintext, recordStart[i], frameStart[i + 1]));
    }

    /** Copies of every record. */
    public List<FramedRecord> records() {
        List<FramedRecord> out = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            out.add(record(i));
        }
        return out;
    }

    /** The Merkle leaf hash of record {@code i}: SHA-256(0x00 || salt || record), hashed in place. */
    public byte[] leafHash(MessageDigest md, int i) {
        return MerkleTree.leafHash(
                md, plaintext, frameStart[i], RecordFraming.SALT_BYTES, recordStart[i], recordLength(i));
    }

    /** Every record's leaf hash, in order. */
    public List<byte[]> leafHashes() {
        MessageDigest md = Sha256.newDigest();
        List<byte[]> out = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            out.add(leafHash(md, i));
        }
        return out;
    }

    /** Overwrites the plaintext with zeros. */
    public void wipe() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "RecordFrames[" + count() + " records, " + plaintext.length + " bytes]";
    }
}
