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
     * Opens the dataset at {@code from}, decoding each record into {@code reader}.
     *
     * @throws InvalidCursor when {@code from} points past the dataset's records
     */
    Reader open(String datasetId, Schema reader, Cursor from) throws InvalidCursor;

    /** Reads on; {@link #next} returns null at the end of what was committed when the read began. */
    interface Reader extends AutoCloseable {
        Positioned next();

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
