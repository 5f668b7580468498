package io.dsx.schemas.record;

import io.dsx.schemas.wire.StrictBinaryDecoder;
import io.dsx.schemas.wire.WireFormatException;
import org.apache.avro.Schema;

/**
 * Checks that bytes are exactly one canonical Avro binary value of a dataset schema, without
 * building it: the gateway's check of every contributed record, allocation-free on the hot path.
 *
 * <p>Bounds, so that no record can exhaust the checker whatever its schema: nesting deeper than
 * {@link #MAX_DEPTH} (recursive schemas) is refused; a record may hold at most as many array items and
 * map entries in all as it has bytes, plus {@link #ITEM_ALLOWANCE} — items that encode to zero bytes
 * (nulls) cannot multiply a small record into millions of values. Everything else is the strict
 * decoder's canonical form: minimal varints, valid UTF-8, booleans 0 or 1, one block per collection,
 * enum and union indexes in range.
 */
public final class RecordValidator {
    /** Deepest accepted nesting of records, arrays, maps and unions inside one record. */
    public static final int MAX_DEPTH = 64;
    /** Items and entries a record may hold beyond one per byte. */
    public static final int ITEM_ALLOWANCE = 1024;

    private final Schema schema;

    public RecordValidator(Schema schema) {
        this.schema = schema;
    }

    /** Checks {@code bytes[offset, offset + length)}; the exception says what and where, never the data. */
    public void check(byte[] bytes, int offset, int length) throws WireFormatException {
        StrictBinaryDecoder in = new StrictBinaryDecoder(bytes, offset, length);
        long[] items = {(long) length + ITEM_ALLOWANCE};
        skip(schema, in, 0, items);
        if (!in.isEnd()) {
            throw new WireFormatException(in.remainingBytes() + " trailing bytes after the record");
        }
    }

    private static void skip(Schema s, StrictBinaryDecoder in, int depth, long[] items) throws WireFormatException {
        switch (s.getType()) {
            case NULL -> {}
            case BOOLEAN -> in.readBoolean();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> in.skipString();
            case BYTES -> in.skipBytes();
            case FIXED -> in.skipFixed(s.getFixedSize());
            case ENUM -> {
                int i = in.readEnum();
                if (i >= s.getEnumSymbols().size()) {
                    throw new WireFormatException("enum index " + i + " out of range for " + s.getName());
                }
            }
            case UNION -> {
                int i = in.readIndex();
                if (i >= s.getTypes().size()) {
                    throw new WireFormatException("union index " + i + " out of range");
                }
                skip(s.getTypes().get(i), in, deeper(depth), items);
            }
            case RECORD -> {
                int d = deeper(depth);
                for (Schema.Field f : s.getFields()) {
                    skip(f.schema(), in, d, items);
                }
            }
            case ARRAY -> collection(s.getElementType(), false, in, deeper(depth), items, in.readArrayStart());
            case MAP -> collection(s.getValueType(), true, in, deeper(depth), items, in.readMapStart());
        }
    }

    private static void collection(
            Schema item, boolean map, StrictBinaryDecoder in, int depth, long[] items, long count)
            throws WireFormatException {
        if (count == 0) {
            return;
        }
        items[0] -= count;
        if (items[0] < 0) {
            throw new WireFormatException(
                    "the record holds more collection items than it has bytes (+" + ITEM_ALLOWANCE + ")");
        }
        for (long k = 0; k < count; k++) {
            if (map) {
                in.skipString();
            }
            skip(item, in, depth, items);
        }
        if (map) {
            in.mapNext();
        } else {
            in.arrayNext();
        }
    }

    private static int deeper(int depth) throws WireFormatException {
        if (depth >= MAX_DEPTH) {
            throw new WireFormatException("the record nests deeper than " + MAX_DEPTH + " levels");
        }
        return depth + 1;
    }
}
