package io.dsx.connectors.source;

import io.dsx.schemas.dataset.DatasetSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Opens the right {@link SourceReader} for a file name or standard input ({@code -}). */
public final class SourceReaders {
    private static final int BUFFER_CHARS = 1 << 16;

    private SourceReaders() {}

    /** The explicit format, else the one the file extension implies. */
    public static SourceFormat format(String input, SourceFormat explicit) {
        if (explicit != null) {
            return explicit;
        }
        if (input.equals("-")) {
            throw new IllegalArgumentException("reading standard input needs --format csv|ndjson");
        }
        return SourceFormat.byExtension(Path.of(input))
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot tell the format of " + input + " from its extension: give --format csv|ndjson"));
    }

    public static ColumnMapping mapping(List<String> entries) {
        return ColumnMapping.parse(entries);
    }

    /** Size in bytes of a file, or -1 for standard input. */
    public static long size(String input) {
        try {
            return input.equals("-") ? -1 : Files.size(Path.of(input));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Opens {@code input} as strict UTF-8 (a malformed byte is an error, not a replacement
     * character) and reads the CSV header at once.
     */
    public static SourceReader open(
            String input, SourceFormat format, DatasetSchema schema, ColumnMapping mapping, InputStream stdin)
            throws IOException, SourceException {
        String name = input.equals("-") ? "<stdin>" : input;
        InputStream in;
        try {
            in = input.equals("-") ? stdin : Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(input, null, "no such file");
        }
        Reader reader = new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                BUFFER_CHARS);
        return switch (format) {
            case CSV -> new CsvSourceReader(reader, name, schema, mapping);
            case NDJSON -> new NdjsonSourceReader(reader, name, schema, mapping);
        };
    }
}
