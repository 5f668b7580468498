package io.dsx.connectors.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * A stream of dataset records read from one source, in source order. Implementations read
 * lazily (one row at a time) and stop at the first bad row: every row before it was returned.
 * Each implementation runs {@code SourceReaderContract} in the tests.
 */
public interface SourceReader extends Closeable {

    /** The next record, or {@code null} at the end of the source. */
    SourceRecord next() throws SourceException, IOException;

    /** The name used in error messages (the file name). */
    String name();

    /** Characters consumed so far: with the source size it gives the progress. */
    long position();
}
