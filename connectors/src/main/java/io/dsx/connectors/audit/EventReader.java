package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.source.BoundedLineReader;
import io.dsx.schemas.audit.AuditLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The events of one exported log, one {@code {"seq":n,"event":"<base64>"}} line at a time, each line and
 * the count bounded. The line's {@code seq} is informational: the event's bytes carry its seq, and the
 * verifier checks those.
 */
public final class EventReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final int partition;
    private final Reader in;
    private final BoundedLineReader lines;
    private long count;

    private EventReader(Path file, int partition, Reader in) {
        this.file = file;
        this.partition = partition;
        this.in = in;
        this.lines = new BoundedLineReader(in, ExportLimits.MAX_EVENT_LINE_CHARS);
    }

    static EventReader open(Path file, int partition) throws AuditToolException {
        try {
            return new EventReader(file, partition, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new AuditToolException(file + " does not exist");
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    public int partition() {
        return partition;
    }

    /** Events read so far (the position of the next one). */
    public long count() {
        return count;
    }

    /** The next event's bytes, or null at the end of the log. */
    public byte[] next() throws AuditToolException {
        BoundedLineReader.Line line;
        try {
            line = lines.next();
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
        if (line == null) {
            return null;
        }
        String where = file + ":" + line.number();
        if (line.tooLong()) {
            throw new AuditToolException(
                    where + ": line longer than " + ExportLimits.MAX_EVENT_LINE_CHARS + " characters");
        }
        if (count >= ExportLimits.MAX_EVENTS_PER_LOG) {
            throw new AuditToolException(file + ": more than " + ExportLimits.MAX_EVENTS_PER_LOG + " events");
        }
        byte[] bytes = eventBytes(line.text(), where);
        count++;
        return bytes;
    }

    /** The event bytes of one line; {@code where} names it in errors. */
    static byte[] eventBytes(String line, String where) throws AuditToolException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new AuditToolException(where + ": not a JSON line");
        }
        JsonNode event = node == null ? null : node.get("event");
        if (event == null || !event.isTextual()) {
            throw new AuditToolException(where + ": no \"event\" (base64 text)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(event.asText());
        } catch (IllegalArgumentException e) {
            throw new AuditToolException(where + ": \"event\" is not base64");
        }
        if (bytes.length > AuditLimits.MAX_EVENT_BYTES) {
            throw new AuditToolException(where + ": an event has at most " + AuditLimits.MAX_EVENT_BYTES + " bytes");
        }
        return bytes;
    }

    @Override
    public void close() throws AuditToolException {
        try {
            in.close();
        } catch (IOException e) {
            throw new AuditToolException("cannot close " + file, e);
        }
    }
}
