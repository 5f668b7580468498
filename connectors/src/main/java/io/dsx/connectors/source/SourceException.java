package io.dsx.connectors.source;

/**
 * Bad input at a known place: {@code file:line: problem}. The problem names the field and the
 * expected type; it never quotes the value (it may be personal data).
 */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;

    public SourceException(String file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line where the offending row or record starts. */
    public long line() {
        return line;
    }
}
