package io.dsx.gateway.dataplane;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;
import org.apache.avro.util.Utf8;

/**
 * A {@link ReadShape} applied to a record's Avro binary directly, for the Avro container response:
 * the stored record's fields are located by walking its bytes once; a permitted field without a mask
 * is copied as it is (its type in the projected schema is its stored type), a masked field, a row
 * filter's field and the subject key are decoded alone. No record object is built and nothing is
 * encoded twice.
 *
 * <p>Only for a writer schema whose every field is flat (null, boolean, int, long, float, double,
 * string, bytes, enum, fixed, or a union of them) and whose needed fields have exactly the reader's
 * types; {@link #of} returns null otherwise and the caller decodes the record instead. Not
 * thread-safe: one per stream.
 */
final class RawProjection {

    private final Schema[] writerTypes;
    /** Per projected field: its position in the writer schema, its mask (or null) and its source type. */
    private final int[] outFrom;

    private final Mask[] masks;
    private final Schema[] maskedTypes;
    private final Schema[] sourceTypes;
    private final int[] filterFrom;
    private final List<ReadShape.Filter> filters;
    private final int keyFrom;
    private final int[] start;
    private final int[] end;
    private byte[] out = new byte[1024];
    private int length;

    private RawProjection(
            Schema[] writerTypes,
            int[] outFrom,
            Mask[] masks,
            Schema[] maskedTypes,
            Schema[] sourceTypes,
            int[] filterFrom,
            List<ReadShape.Filter> filters,
            int keyFrom) {
        this.writerTypes = writerTypes;
        this.outFrom = outFrom;
        this.masks = masks;
        this.maskedTypes = maskedTypes;
        this.sourceTypes = sourceTypes;
        this.filterFrom = filterFrom;
        this.filters = filters;
        this.keyFrom = keyFrom;
        this.start = new int[writerTypes.length];
        this.end = new int[writerTypes.length];
    }

    /** The projection of records written with {@code writer}, or null when they must be decoded instead. */
    static RawProjection of(ReadShape shape, Schema writer) {
        Schema[] writerTypes = new Schema[writer.getFields().size()];
        for (Schema.Field f : writer.getFields()) {
            if (!flat(f.schema())) {
                return null;
            }
            writerTypes[f.pos()] = f.schema();
        }
        List<String> fields = shape.fields();
        int[] outFrom = new int[fields.size()];
        Mask[] masks = new Mask[fields.size()];
        Schema[] maskedTypes = new Schema[fields.size()];
        Schema[] sourceTypes = new Schema[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field source = shape.source().getField(fields.get(i));
            Schema.Field w = writer.getField(fields.get(i));
            if (w == null || !w.schema().equals(source.schema())) {
                return null;
            }
            outFrom[i] = w.pos();
            masks[i] = shape.mask(i);
            maskedTypes[i] = shape.projected().getFields().get(i).schema();
            sourceTypes[i] = source.schema();
            if (masks[i] != null && !decodable(source.schema())) {
                return null;
            }
        }
        int[] filterFrom = new int[shape.filters().size()];
        for (int i = 0; i < filterFrom.length; i++) {
            Schema.Field w = writer.getField(shape.filters().get(i).field());
            Schema.Field s = shape.source().getField(shape.filters().get(i).field());
            if (w == null || s == null || !w.schema().equals(s.schema()) || !decodable(w.schema())) {
                return null; // a filter on a field the writer lacks reads its default: decode instead
            }
            filterFrom[i] = w.pos();
        }
        int keyFrom = -1;
        if (shape.key() != null) {
            Schema.Field w = writer.getField(shape.key());
            if (w == null || !decodable(w.schema())) {
                return null;
            }
            keyFrom = w.pos();
        }
        return new RawProjection(
                writerTypes, outFrom, masks, maskedTypes, sourceTypes, filterFrom, shape.filters(), keyFrom);
    }

    private static boolean flat(Schema s) {
        return switch (s.getType()) {
            case NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING, BYTES, ENUM, FIXED -> true;
            case UNION -> s.getTypes().stream().allMatch(t -> t.getType() != Schema.Type.UNION && flat(t));
            default -> false;
        };
    }

    /** Types whose value this class decodes as the generic reader would (for masks, filters, the key). */
    private static boolean decodable(Schema s) {
        return switch (s.getType()) {
            case NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING -> true;
            case UNION -> s.getTypes().stream().allMatch(RawProjection::decodable);
            default -> false;
        };
    }

    /**
     * Projects one record ({@code length} bytes at {@code offset}); false when a row filter drops it.
     * The result is {@link #bytes()} up to {@link #length()}, valid until the next call.
     */
    boolean project(byte[] in, int offset, int recordLength, MaskKey key) {
        int p = offset;
        for (int i = 0; i < writerTypes.length; i++) {
            start[i] = p;
            p = skip(writerTypes[i], in, p);
            end[i] = p;
        }
        if (p != offset + recordLength) {
            throw new IllegalStateException("a stored record's fields do not span its frame");
        }
        for (int i = 0; i < filterFrom.length; i++) {
            ReadShape.Filter f = filters.get(i);
            Object v = value(writerTypes[filterFrom[i]], in, start[filterFrom[i]]);
            if (!f.passes(v)) {
                return false;
            }
        }
        length = 0;
        for (int i = 0; i < outFrom.length; i++) {
            int w = outFrom[i];
            if (masks[i] == null) {
                copy(in, start[w], end[w] - start[w]);
            } else {
                Object v = ReadShape.mask(masks[i], value(sourceTypes[i], in, start[w]), sourceTypes[i], key);
                write(maskedTypes[i], v);
            }
        }
        return true;
    }

    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    /** The subject key's value in the record last given to {@link #project} (or to be), as text; null without a key. */
    String subject(byte[] in) {
        if (keyFrom < 0) {
            return null;
        }
        Object v = value(writerTypes[keyFrom], in, start[keyFrom]);
        return v == null ? null : v.toString();
    }

    // --- Avro binary (https://avro.apache.org/docs/1.12.0/specification/#binary-encoding) ---------

    private static int skip(Schema s, byte[] in, int p) {
        switch (s.getType()) {
            case NULL:
                return p;
            case BOOLEAN:
                return p + 1;
            case INT, LONG, ENUM:
                return skipVarint(in, p);
            case FLOAT:
                return p + 4;
            case DOUBLE:
                return p + 8;
            case STRING, BYTES: {
                long n = readLong(in, p);
                p = skipVarint(in, p);
                if (n < 0 || n > in.length - p) {
                    throw new IllegalStateException("a stored record holds a bad length");
                }
                return p + (int) n;
            }
            case FIXED:
                return p + s.getFixedSize();
            case UNION: {
                long branch = readLong(in, p);
                if (branch < 0 || branch >= s.getTypes().size()) {
                    throw new IllegalStateException("a stored record holds a bad union branch");
                }
                return skip(s.getTypes().get((int) branch), in, skipVarint(in, p));
            }
            default:
                throw new IllegalStateException("not a flat type: " + s.getType());
        }
    }

    /** The value at {@code p} as the generic reader gives it (Utf8 for strings). */
    private static Object value(Schema s, byte[] in, int p) {
        switch (s.getType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return in[p] != 0;
            case INT:
                return (int) readLong(in, p);
            case LONG:
                return readLong(in, p);
            case FLOAT:
                return Float.intBitsToFloat(littleEndianInt(in, p));
            case DOUBLE:
                return Double.longBitsToDouble(
                        (littleEndianInt(in, p) & 0xffffffffL) | ((long) littleEndianInt(in, p + 4) << 32));
            case STRING: {
                int n = (int) readLong(in, p);
                int from = skipVarint(in, p);
                return new Utf8(Arrays.copyOfRange(in, from, from + n));
            }
            case UNION: {
                int branch = (int) readLong(in, p);
                return value(s.getTypes().get(branch), in, skipVarint(in, p));
            }
            default:
                throw new IllegalStateException("not a decodable type: " + s.getType());
        }
    }

    /** Writes a masked value in its projected type: null, or a union of null and string, long or double. */
    private void write(Schema type, Object v) {
        if (type.getType() == Schema.Type.NULL) {
            return;
        }
        if (v == null) {
            room(1);
            out[length++] = 0; // branch 0: null
            return;
        }
        Schema branch = type.getTypes().get(1);
        room(1);
        out[length++] = 2; // branch 1 (zig-zag)
        switch (branch.getType()) {
            case STRING -> {
                byte[] text = v instanceof Utf8 u
                        ? Arrays.copyOf(u.getBytes(), u.getByteLength())
                        : v.toString().getBytes(StandardCharsets.UTF_8);
                room(10 + text.length);
                length += BinaryData.encodeLong(text.length, out, length);
                copy(text, 0, text.length);
            }
            case LONG -> {
                room(10);
                length += BinaryData.encodeLong(((Number) v).longValue(), out, length);
            }
            case DOUBLE -> {
                room(8);
                length += BinaryData.encodeDouble(((Number) v).doubleValue(), out, length);
            }
            default -> throw new IllegalStateException("unexpected masked type " + branch);
        }
    }

    private void copy(byte[] from, int at, int n) {
        room(n);
        System.arraycopy(from, at, out, length, n);
        length += n;
    }

    private void room(int n) {
        if (length + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + n));
        }
    }

    private static int skipVarint(byte[] in, int p) {
        for (int i = 0; i < 10; i++) {
            if ((in[p++] & 0x80) == 0) {
                return p;
            }
        }
        throw new IllegalStateException("a stored record holds a bad varint");
    }

    private static long readLong(byte[] in, int p) {
        long raw = 0;
        int shift = 0;
        for (int i = 0; i < 10; i++) {
            byte b = in[p++];
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
            shift += 7;
        }
        throw new IllegalStateException("a stored record holds a bad varint");
    }

    private static int littleEndianInt(byte[] in, int p) {
        return (in[p] & 0xff) | (in[p + 1] & 0xff) << 8 | (in[p + 2] & 0xff) << 16 | (in[p + 3] & 0xff) << 24;
    }
}
