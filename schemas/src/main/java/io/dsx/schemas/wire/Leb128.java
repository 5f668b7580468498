package io.dsx.schemas.wire;

import java.io.ByteArrayOutputStream;

/**
 * Unsigned LEB128 varints: 7 bits per byte, least significant group first, high bit set on every
 * byte but the last. Unlike Avro's {@code long} there is no zig-zag step. Only the minimal form
 * is accepted on read ({@link StrictBinaryDecoder#readUnsignedLeb128()}: no 0x80 0x00 padding),
 * so each value has exactly one encoding.
 */
public final class Leb128 {
    /** Bytes of the longest encoding of a non-negative {@code long} (63 bits / 7). */
    public static final int MAX_BYTES = 9;

    private Leb128() {}

    public static void write(long value, ByteArrayOutputStream out) {
        if (value < 0) {
            throw new IllegalArgumentException("LEB128 value must not be negative");
        }
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    public static byte[] encode(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        write(value, out);
        return out.toByteArray();
    }
}
