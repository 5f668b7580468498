package io.dsx.gateway.dataplane;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads a dataset's accepted records in order from a cursor, decrypted and decoded to the reader
 * schema. Only records a ledger entry covers exist here. Implementations bound what they hold in
 * memory and are used by one stream at a time.
 */
public interface RecordSource extends AutoCloseable {

    /** A record and the cursor just after it. */
    record Positioned(GenericRecord record, Cursor next) {}

    /**
     * A record still in its stored Avro binary: {@code length} bytes at {@code offset} of
     * {@code bytes}, written with {@code writer}; the bytes are valid until the reader moves on.
     */
    record Encoded(Schema writer, byte[] bytes, int offset, int length, Cursor next) {}

    /**
     * Opens the dataset at {@code from}, decoding each record into {@code reader}.
     *
     * @throws InvalidCursor when {@code from} points past the dataset's records
     */
    Reader open(String datasetId, Schema reader, Cursor from) throws InvalidCursor;

    /** Reads on; {@link #next} returns null at the end of what was committed when the read began. */
    interface Reader extends AutoCloseable {
        /**
         * The next record, or null at the end. The record may be reused by the next call: a caller
         * that keeps a record past it copies what it keeps.
         */
        Positioned next();

        /** Whether this reader hands out records undecoded ({@link #nextEncoded}, {@link #decode}). */
        default boolean encoded() {
            return false;
        }

        /** The next record still encoded, or null at the end; the bytes may be reused by the next call. */
        default Encoded nextEncoded() {
            throw new UnsupportedOperationException("this reader decodes every record");
        }

        /** The record {@link #nextEncoded} gave, decoded into the reader schema (reused as {@link #next}'s). */
        default GenericRecord decode(Encoded e) {
            throw new UnsupportedOperationException("this reader decodes every record");
        }

        @Override
        void close();
    }

    final class InvalidCursor extends Exception {
        public InvalidCursor(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    default void close() {}
}
