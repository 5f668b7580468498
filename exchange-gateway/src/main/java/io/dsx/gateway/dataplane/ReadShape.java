package io.dsx.gateway.dataplane;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * What one read may see of a dataset's records, from a read decision: the permitted fields (the
 * projected schema holds those and nothing else), their masks and the row filters. Plain Java over
 * Avro; {@link #apply} returns the projected, masked record, or null when a row filter drops it.
 *
 * <p>Row filters: {@code {field, op, value}} with {@code op} {@code eq} or {@code ne}; a record
 * lacking the field, or holding null, does not pass {@code eq}. A mask or filter dsx does not know,
 * or {@code bucket} on a non-numeric field, refuses the shape (the read fails closed).
 */
public final class ReadShape {

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}(-[0-9]{2}.*)?");

    /** Why the obligations cannot be enforced; the read is refused. */
    public static final class Unenforceable extends Exception {
        public Unenforceable(String message) {
            super(message, null, false, false);
        }
    }

    /** A row filter: a record passes when its field's value equals (or, with {@code equal} false, differs from) {@code value}. */
    record Filter(String field, boolean equal, Object value) {
        boolean passes(Object v) {
            boolean same = v != null && value != null && same(v, value);
            return same == equal;
        }
    }

    private final Schema source;
    private final Schema projected;
    private final Schema decode;
    private final List<String> fields;
    private final Mask[] masks;
    private final Schema[] fieldTypes;
    private final Positions ofSource;
    private final Positions ofDecode;
    private final List<Filter> filters;

    /** Where the permitted fields, the filters' fields and the subject key sit in one record schema. */
    private record Positions(Schema schema, int[] fields, int[] filters, int key) {
        static Positions of(Schema schema, List<String> fields, List<Filter> filters, String key) {
            return new Positions(
                    schema,
                    fields.stream().mapToInt(f -> schema.getField(f).pos()).toArray(),
                    filters.stream()
                            .mapToInt(f -> schema.getField(f.field()) == null
                                    ? -1
                                    : schema.getField(f.field()).pos())
                            .toArray(),
                    key == null ? -1 : schema.getField(key).pos());
        }
    }

    private ReadShape(Schema source, Schema projected, List<String> fields, Mask[] masks, List<Filter> filters) {
        this.source = source;
        this.projected = projected;
        this.fields = fields;
        this.masks = masks;
        this.filters = filters;
        this.fieldTypes = fields.stream().map(f -> source.getField(f).schema()).toArray(Schema[]::new);
        String key = source.getFields().stream()
                .filter(f -> Boolean.TRUE.equals(f.getObjectProp("dsx.key")))
                .map(Schema.Field::name)
                .findFirst()
                .orElse(null);
        this.decode = decodeSchema(source, fields, filters, key);
        this.ofSource = Positions.of(source, fields, filters, key);
        this.ofDecode = Positions.of(decode, fields, filters, key);
    }

    /**
     * The source schema cut down to what a read needs: the permitted fields, the row filters' fields
     * and the subject key (for the audit's subjects served), in the source's order, types and
     * defaults. Decoding stored records straight into it skips every other field (one decode, no
     * copy of fields nobody sees).
     */
    private static Schema decodeSchema(Schema source, List<String> fields, List<Filter> filters, String key) {
        java.util.Set<String> needed = new java.util.HashSet<>(fields);
        filters.forEach(f -> needed.add(f.field()));
        if (key != null) {
            needed.add(key);
        }
        List<Schema.Field> out = new ArrayList<>();
        for (Schema.Field f : source.getFields()) {
            if (needed.contains(f.name())) {
                Schema.Field copy = new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal());
                f.getObjectProps().forEach(copy::addProp);
                out.add(copy);
            }
        }
        return Schema.createRecord(source.getName(), source.getDoc(), source.getNamespace(), false, out);
    }

    /** The shape of {@code fields} of {@code source} under the decision's obligations. */
    public static ReadShape of(Schema source, List<String> fields, Map<String, Object> obligations)
            throws Unenforceable {
        Map<String, Mask> maskOf = new LinkedHashMap<>();
        if (obligations.get("mask") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Mask mask = Mask.parse(e.getValue());
                if (mask == null) {
                    throw new Unenforceable("unknown mask " + e.getValue() + " on field " + e.getKey());
                }
                maskOf.put(String.valueOf(e.getKey()), mask);
            }
        } else if (obligations.get("mask") != null) {
            throw new Unenforceable("obligations.mask must be an object");
        }
        List<Schema.Field> out = new ArrayList<>();
        Mask[] masks = new Mask[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field f = source.getField(fields.get(i));
            if (f == null) {
                throw new Unenforceable("the dataset has no field " + fields.get(i));
            }
            masks[i] = maskOf.get(f.name());
            Schema.Field projectedField = new Schema.Field(
                    f.name(),
                    masks[i] == null ? f.schema() : maskedType(f, masks[i]),
                    f.doc(),
                    masks[i] == null ? f.defaultVal() : null);
            f.getObjectProps().forEach(projectedField::addProp);
            if (masks[i] != null) {
                projectedField.addProp("dsx.mask", masks[i].toString());
            }
            out.add(projectedField);
        }
        Schema projected = Schema.createRecord(source.getName(), source.getDoc(), source.getNamespace(), false, out);
        return new ReadShape(
                source, projected, List.copyOf(fields), masks, filters(source, obligations.get("row_filter")));
    }

    private static List<Filter> filters(Schema source, Object spec) throws Unenforceable {
        List<Filter> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        if (!(spec instanceof List<?> list) || list.size() > 64) {
            throw new Unenforceable("obligations.row_filter must be a list of at most 64 filters");
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> f)
                    || !(f.get("field") instanceof String field)
                    || !(f.get("op") instanceof String op)
                    || !(op.equals("eq") || op.equals("ne"))) {
                throw new Unenforceable("a row filter must be {field, op: eq|ne, value}");
            }
            out.add(new Filter(field, op.equals("eq"), f.get("value")));
        }
        return out;
    }

    private static Schema maskedType(Schema.Field f, Mask mask) throws Unenforceable {
        Schema nullableString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        return switch (mask.kind()) {
            case HASH, YEAR, MONTH, TRUNCATE -> nullableString;
            case REDACT -> Schema.create(Schema.Type.NULL);
            case BUCKET -> {
                Schema.Type t = nonNull(f.schema()).getType();
                if (t != Schema.Type.INT
                        && t != Schema.Type.LONG
                        && t != Schema.Type.FLOAT
                        && t != Schema.Type.DOUBLE) {
                    throw new Unenforceable("bucket mask on non-numeric field " + f.name());
                }
                yield Schema.createUnion(
                        Schema.create(Schema.Type.NULL),
                        Schema.create(
                                t == Schema.Type.INT || t == Schema.Type.LONG ? Schema.Type.LONG : Schema.Type.DOUBLE));
            }
        };
    }

    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        return s.getTypes().stream()
                .filter(t -> t.getType() != Schema.Type.NULL)
                .findFirst()
                .orElse(s);
    }

    /** The schema of every record this read returns. */
    public Schema projected() {
        return projected;
    }

    /**
     * The schema to decode stored records into for this read ({@link #apply} takes records of it or
     * of the source schema).
     */
    public Schema decodeSchema() {
        return decode;
    }

    public List<String> fields() {
        return fields;
    }

    Schema source() {
        return source;
    }

    /** The mask of the i-th permitted field, or null. */
    Mask mask(int i) {
        return masks[i];
    }

    List<Filter> filters() {
        return filters;
    }

    /** The name of the subject key field, or null if the dataset names none. */
    String key() {
        return ofSource.key() < 0
                ? null
                : source.getFields().get(ofSource.key()).name();
    }

    /** The record as this read may see it, or null when a row filter drops it. */
    public GenericRecord apply(GenericRecord record, MaskKey key) {
        return apply(record, key, new GenericData.Record(projected));
    }

    /**
     * As {@link #apply(GenericRecord, MaskKey)}, filling {@code into} (a record of {@link #projected})
     * instead of a new record: a stream reuses one record while it writes each at once.
     */
    public GenericRecord apply(GenericRecord record, MaskKey key, GenericData.Record into) {
        Positions at = positions(record.getSchema());
        for (int i = 0; i < at.filters().length; i++) {
            if (!filters.get(i).passes(at.filters()[i] < 0 ? null : record.get(at.filters()[i]))) {
                return null;
            }
        }
        int[] from = at.fields();
        for (int i = 0; i < from.length; i++) {
            Object v = record.get(from[i]);
            into.put(i, masks[i] == null ? v : mask(masks[i], v, fieldTypes[i], key));
        }
        return into;
    }

    /** The subject key's value in {@code record} (for the audit; never logged), or null if the dataset names none. */
    public Object subject(GenericRecord record) {
        int k = positions(record.getSchema()).key();
        return k < 0 ? null : record.get(k);
    }

    private Positions positions(Schema schema) {
        if (schema == decode) {
            return ofDecode;
        }
        if (schema == source) {
            return ofSource;
        }
        return Positions.of(
                schema,
                fields,
                filters,
                ofSource.key() < 0
                        ? null
                        : source.getFields().get(ofSource.key()).name());
    }

    private static boolean same(Object v, Object expected) {
        if (v instanceof Number n && expected instanceof Number e) {
            return new BigDecimal(n.toString()).compareTo(new BigDecimal(e.toString())) == 0;
        }
        if (v instanceof Boolean || expected instanceof Boolean) {
            return v.equals(expected);
        }
        return v.toString().equals(expected.toString());
    }

    static Object mask(Mask m, Object v, Schema schema, MaskKey key) {
        if (v == null) {
            return null;
        }
        return switch (m.kind()) {
            case REDACT -> null;
            case HASH ->
                v instanceof org.apache.avro.util.Utf8 u
                        ? key.hash(u.getBytes(), u.getByteLength())
                        : key.hash(v.toString());
            case TRUNCATE -> {
                String s = v.toString();
                yield s.length() <= m.n() ? s : s.substring(0, m.n());
            }
            case YEAR, MONTH -> datePart(v, nonNull(schema), m.kind() == Mask.Kind.YEAR ? 4 : 7);
            case BUCKET -> bucket((Number) v, m.n());
        };
    }

    /** The bucket's lower bound: a long for whole numbers, a double otherwise (a ternary would widen both to double). */
    private static Object bucket(Number v, int n) {
        if (v instanceof Integer || v instanceof Long) {
            return Math.floorDiv(v.longValue(), (long) n) * n;
        }
        return Math.floor(v.doubleValue() / n) * n;
    }

    private static String datePart(Object v, Schema s, int length) {
        LogicalType lt = s.getLogicalType();
        String iso;
        if (lt != null && lt.getName().equals("date") && v instanceof Integer days) {
            iso = LocalDate.ofEpochDay(days).toString();
        } else if (lt != null && lt.getName().equals("timestamp-millis") && v instanceof Long ms) {
            iso = LocalDate.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC).toString();
        } else if (lt != null && lt.getName().equals("timestamp-micros") && v instanceof Long us) {
            iso = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L)), ZoneOffset.UTC)
                    .toString();
        } else {
            iso = v.toString();
        }
        return ISO_DATE.matcher(iso).matches() ? iso.substring(0, length) : null;
    }
}
