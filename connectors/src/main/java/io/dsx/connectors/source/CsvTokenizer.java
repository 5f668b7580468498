package io.dsx.connectors.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows from a character stream, one row at a time: cells separated by commas, rows by
 * CRLF or LF; a quoted cell may hold commas, line breaks and doubled quotes ({@code ""}). Stricter
 * than most spreadsheets on purpose: a quote inside an unquoted cell, text after a closing quote
 * and an unclosed quote are errors, because guessing would shift columns silently. Blank lines are
 * skipped. A row longer than {@link #MAX_ROW_CHARS} is refused before it fills the memory.
 */
final class CsvTokenizer {
    /** Longest accepted row, in characters (quoted line breaks included). */
    static final int MAX_ROW_CHARS = 1 << 20;

    /** A row and the line it starts on (1-based). */
    record Row(List<String> cells, long line) {}

    private final Reader in;
    private final String name;
    private long line = 1;
    private long position;
    private int pushedBack = -2;
    /** Characters read ahead in chunks: a Reader's read() per character takes a lock each time. */
    private final char[] chunk = new char[1 << 16];

    private int chunkPos;
    private int chunkLen;

    CsvTokenizer(Reader in, String name) {
        this.in = in;
        this.name = name;
    }

    long position() {
        return position;
    }

    /** The next non-blank row, or null at the end. */
    Row next() throws IOException, SourceException {
        int c = read();
        while (c == '\n' || c == '\r') {
            c = skipLineBreak(c);
        }
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int rowChars = 0;
        while (true) {
            if (c == '"' && cell.length() == 0) {
                c = quoted(cell, start);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw new SourceException(
                                name, line, "quote inside an unquoted cell (column " + (cells.size() + 1) + ")");
                    }
                    cell.append((char) c);
                    appendRun(cell, false);
                    if (rowChars + cell.length() > MAX_ROW_CHARS) {
                        throw new SourceException(name, start, "row longer than " + MAX_ROW_CHARS + " characters");
                    }
                    c = read();
                }
            }
            rowChars += cell.length() + 1;
            if (rowChars > MAX_ROW_CHARS) {
                throw new SourceException(name, start, "row longer than " + MAX_ROW_CHARS + " characters");
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (c != ',') {
                if (c != -1) {
                    pushedBack = skipLineBreak(c); // the first character of the next row
                }
                return new Row(cells, start);
            }
            c = read();
        }
    }

    /** Reads a quoted cell after its opening quote; returns the character after the closing quote. */
    private int quoted(StringBuilder cell, long start) throws IOException, SourceException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw new SourceException(name, start, "quoted cell is not closed before the end of the file");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                        throw new SourceException(name, line, "text after the closing quote of a cell");
                    }
                    return after;
                }
            } else if (c == '\n') {
                line++;
            }
            cell.append((char) c);
            appendRun(cell, true);
            if (cell.length() > MAX_ROW_CHARS) {
                throw new SourceException(name, start, "row longer than " + MAX_ROW_CHARS + " characters");
            }
        }
    }

    /**
     * Appends, in one copy, the characters already read ahead that cannot end the cell: up to the next
     * comma, line break or quote (unquoted cell), or up to the next quote or line feed (quoted cell, whose
     * line feeds are counted one at a time). Rows are mostly such runs, so this is where reading is fast.
     */
    private void appendRun(StringBuilder cell, boolean quoted) {
        if (pushedBack != -2) {
            return;
        }
        int i = chunkPos;
        int end = Math.min(chunkLen, chunkPos + MAX_ROW_CHARS);
        if (quoted) {
            while (i < end && chunk[i] != '"' && chunk[i] != '\n') {
                i++;
            }
        } else {
            while (i < end) {
                char ch = chunk[i];
                if (ch == ',' || ch == '\n' || ch == '\r' || ch == '"') {
                    break;
                }
                i++;
            }
        }
        int n = i - chunkPos;
        if (n > 0) {
            cell.append(chunk, chunkPos, n);
            chunkPos = i;
            position += n;
        }
    }

    /** Consumes a line break starting with {@code c} (CR, LF or CRLF); returns the next character. */
    private int skipLineBreak(int c) throws IOException {
        line++;
        int next = read();
        if (c == '\r' && next == '\n') {
            next = read();
        }
        return next;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
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
        position++;
        return chunk[chunkPos++];
    }
}
