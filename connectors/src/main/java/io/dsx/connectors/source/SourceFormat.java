package io.dsx.connectors.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The source formats the readers understand. */
public enum SourceFormat {
    /** RFC 4180 comma-separated values with a header row. */
    CSV,
    /** Newline-delimited JSON: one object per line. */
    NDJSON;

    /** The format a file name implies: {@code .csv}, {@code .ndjson}, {@code .jsonl}. */
    public static Optional<SourceFormat> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        return Optional.empty();
    }
}
