package io.dsx.schemas.envelope;

import org.apache.avro.generic.GenericRecord;

/**
 * One record of an opened contribution. Holds plaintext: never log it ({@code toString} does not
 * print the data).
 *
 * @param index the record's leaf index in the contribution, from 0
 * @param salt its 16-byte salt
 * @param bytes its Avro binary, as contributed (what the gateway encrypts for storage)
 * @param value its decoded value under the manifest's schema version
 */
public record OpenedRecord(long index, byte[] salt, byte[] bytes, GenericRecord value) {
    @Override
    public String toString() {
        return "OpenedRecord[" + index + ", " + bytes.length + " bytes]";
    }
}
