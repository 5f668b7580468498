package io.dsx.schemas.wire;

import java.io.IOException;

/**
 * Bytes that are not a valid encoding of the expected format. Messages name the format, the
 * position and what was wrong, never the data itself.
 */
public final class WireFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
