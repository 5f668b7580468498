package io.dsx.schemas.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over a byte array that accepts exactly the canonical encoding.
 *
 * <p>Why not Avro's {@code BinaryDecoder}: it allocates a declared length before checking that
 * the bytes exist (a 6-byte input can ask for 2 GiB), accepts over-long varints (so one value has
 * many encodings, and a signed manifest could be re-encoded differently), and does not check
 * UTF-8. Here every length is checked against the bytes left, every varint must be minimal, every
 * string must be valid UTF-8, booleans are 0 or 1, an array or map is one block then 0 (as Avro's
 * encoder writes it), and that block may not claim more items than bytes left (items of zero size
 * are not supported in such numbers).
 */
public final class StrictBinaryDecoder extends Decoder {
    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));

    private final byte[] buf;
    private final int end;
    private int pos;

    public StrictBinaryDecoder(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public StrictBinaryDecoder(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("offset/length outside the buffer");
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Current read position in the underlying array. */
    public int position() {
        return pos;
    }

    public boolean isEnd() {
        return pos == end;
    }

    @Override
    public int remainingBytes() {
        return end - pos;
    }

    @Override
    public void readNull() {}

    @Override
    public boolean readBoolean() throws WireFormatException {
        int b = readByte();
        if (b > 1) {
            throw error("boolean byte must be 0 or 1");
        }
        return b == 1;
    }

    @Override
    public int readInt() throws WireFormatException {
        long raw = readVarint(5);
        if (raw > 0xFFFF_FFFFL) {
            throw error("int varint exceeds 32 bits");
        }
        int n = (int) raw;
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public long readLong() throws WireFormatException {
        long n = readVarint(10);
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public float readFloat() throws WireFormatException {
        return Float.intBitsToFloat((int) readLittleEndian(4));
    }

    @Override
    public double readDouble() throws WireFormatException {
        return Double.longBitsToDouble(readLittleEndian(8));
    }

    @Override
    public Utf8 readString(Utf8 old) throws WireFormatException {
        return new Utf8(readString());
    }

    @Override
    public String readString() throws WireFormatException {
        int length = readLength("string");
        String s = isAscii(pos, length) ? asciiString(length) : utf8String(length);
        pos += length;
        return s;
    }

    private boolean isAscii(int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("deprecation") // the hibyte constructor is the cheap exact path for ASCII
    private String asciiString(int length) {
        return new String(buf, 0, pos, length);
    }

    private String utf8String(int length) throws WireFormatException {
        CharsetDecoder utf8 = UTF8.get().reset();
        try {
            return utf8.decode(ByteBuffer.wrap(buf, pos, length)).toString();
        } catch (CharacterCodingException e) {
            throw error("string is not valid UTF-8");
        }
    }

    /** Checks the string (length and UTF-8) without building it. */
    @Override
    public void skipString() throws WireFormatException {
        int length = readLength("string");
        if (!isAscii(pos, length) && !Utf8Check.isValid(buf, pos, length)) {
            throw error("string is not valid UTF-8");
        }
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws WireFormatException {
        int length = readLength("bytes");
        byte[] copy = new byte[length];
        System.arraycopy(buf, pos, copy, 0, length);
        pos += length;
        return ByteBuffer.wrap(copy);
    }

    @Override
    public void skipBytes() throws WireFormatException {
        pos += readLength("bytes");
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws WireFormatException {
        require(length, "fixed");
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws WireFormatException {
        require(length, "fixed");
        pos += length;
    }

    @Override
    public int readEnum() throws WireFormatException {
        return nonNegativeInt("enum index");
    }

    @Override
    public int readIndex() throws WireFormatException {
        return nonNegativeInt("union index");
    }

    @Override
    public long readArrayStart() throws WireFormatException {
        return readFirstBlockCount();
    }

    @Override
    public long arrayNext() throws WireFormatException {
        return readEndOfBlocks();
    }

    @Override
    public long skipArray() throws WireFormatException {
        return readFirstBlockCount();
    }

    @Override
    public long readMapStart() throws WireFormatException {
        return readFirstBlockCount();
    }

    @Override
    public long mapNext() throws WireFormatException {
        return readEndOfBlocks();
    }

    @Override
    public long skipMap() throws WireFormatException {
        return readFirstBlockCount();
    }

    /** An unsigned LEB128 varint ({@link Leb128}) of at most 9 bytes, minimal form only. */
    public long readUnsignedLeb128() throws WireFormatException {
        return readVarint(Leb128.MAX_BYTES);
    }

    /** Reads {@code length} raw bytes. */
    public byte[] readRaw(int length, String what) throws WireFormatException {
        require(length, what);
        byte[] out = new byte[length];
        System.arraycopy(buf, pos, out, 0, length);
        pos += length;
        return out;
    }

    /**
     * The canonical form of an array or map is one block of all items, then a 0 count (what Avro's
     * BinaryEncoder writes). Negative counts (blocks with byte sizes) and split blocks are refused,
     * so that no value has two encodings.
     */
    private long readFirstBlockCount() throws WireFormatException {
        long count = readLong();
        if (count < 0) {
            throw error("collection uses a sized block (negative count), not accepted");
        }
        if (count > remainingBytes()) {
            throw error("collection block claims more items than bytes left");
        }
        return count;
    }

    private long readEndOfBlocks() throws WireFormatException {
        if (readLong() != 0) {
            throw error("collection split into several blocks, not accepted");
        }
        return 0;
    }

    private int nonNegativeInt(String what) throws WireFormatException {
        int n = readInt();
        if (n < 0) {
            throw error(what + " is negative");
        }
        return n;
    }

    private int readLength(String what) throws WireFormatException {
        long length = readLong();
        if (length < 0) {
            throw error(what + " length is negative");
        }
        if (length > remainingBytes()) {
            throw error(what + " length " + length + " runs past the end (" + remainingBytes() + " left)");
        }
        return (int) length;
    }

    /** Unsigned LEB128 of at most maxBytes bytes, minimal form only. */
    private long readVarint(int maxBytes) throws WireFormatException {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = readByte();
            if (i == 9 && b > 1) {
                throw error("varint exceeds 64 bits");
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw error("varint is not in minimal form");
                }
                return value;
            }
        }
        throw error("varint longer than " + maxBytes + " bytes");
    }

    private long readLittleEndian(int n) throws WireFormatException {
        require(n, "fixed-width number");
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (buf[pos + i] & 0xFF) << (8 * i);
        }
        pos += n;
        return v;
    }

    private int readByte() throws WireFormatException {
        require(1, "byte");
        return buf[pos++] & 0xFF;
    }

    private void require(int n, String what) throws WireFormatException {
        if (n < 0 || n > remainingBytes()) {
            throw error("truncated: " + what + " needs " + n + " bytes, " + remainingBytes() + " left");
        }
    }

    private WireFormatException error(String what) {
        return new WireFormatException(what + " at byte " + pos);
    }
}
