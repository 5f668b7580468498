package io.dsx.schemas.record;

import java.util.Arrays;

/**
 * One record of an envelope plaintext: its 16-byte salt and the Avro binary of the record. The
 * arrays are held as given, not copied (plaintexts can hold many records); treat them as read-only.
 *
 * @param salt 16 random bytes that keep the Merkle leaf of a guessable record from being found by
 *     brute force
 * @param record the record's Avro binary under the manifest's schema version
 */
public record FramedRecord(byte[] salt, byte[] record) {
    public FramedRecord {
        if (salt.length != RecordFraming.SALT_BYTES) {
            throw new IllegalArgumentException("salt must be " + RecordFraming.SALT_BYTES + " bytes");
        }
    }

    /** The Merkle leaf data: {@code salt || record} (the tree adds the 0x00 leaf prefix). */
    public byte[] leafData() {
        byte[] out = Arrays.copyOf(salt, salt.length + record.length);
        System.arraycopy(record, 0, out, salt.length, record.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FramedRecord other
                && Arrays.equals(salt, other.salt)
                && Arrays.equals(record, other.record);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(record);
    }

    /** Never prints the bytes: a record is plaintext data. */
    @Override
    public String toString() {
        return "FramedRecord[" + record.length + " bytes]";
    }
}
