package io.dsx.connectors.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines (LF or CRLF) of at most a given length: a longer line is skipped to its end and reported,
 * instead of being buffered whole as {@code BufferedReader.readLine} would.
 */
public final class BoundedLineReader {
    /** A line, or {@code tooLong} with no text when it exceeded the limit. */
    public record Line(String text, long number, boolean tooLong) {}

    private final Reader in;
    private final int maxChars;
    private final StringBuilder buffer = new StringBuilder();
    private long number;
    private long position;
    /** Characters read ahead in chunks: a Reader's read() per character takes a lock each time. */
    private final char[] chunk = new char[1 << 16];

    private int chunkPos;
    private int chunkLen;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    public long position() {
        return position;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public Line next() throws IOException {
        buffer.setLength(0);
        boolean tooLong = false;
        int c = read();
        if (c == -1) {
            return null;
        }
        number++;
        while (c != -1 && c != '\n') {
            position++;
            if (!tooLong) {
                buffer.append((char) c);
                tooLong = buffer.length() > maxChars + 1; // +1: a CR before the LF is not content
            }
            c = read();
        }
        if (c == '\n') {
            position++;
        }
        if (tooLong) {
            buffer.setLength(0);
            return new Line("", number, true);
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            buffer.setLength(end - 1);
        }
        return new Line(buffer.toString(), number, buffer.length() > maxChars);
    }

    private int read() throws IOException {
        if (chunkPos == chunkLen) {
            int n = in.read(chunk, 0, chunk.length);
            if (n <= 0) {
                chunkPos = 0;
                chunkLen = 0;
                return -1;
            }
            chunkPos = 0;
            chunkLen = n;
        }
        return chunk[chunkPos++];
    }
}
