package io.dsx.schemas.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Converts a JSON value to the generic datum of an Avro type. Strict: a number is not accepted for
 * a string, unknown record properties are refused, dates are ISO-8601 text or their Avro number.
 */
final class JsonValues {
    private static final Conversions.DecimalConversion DECIMAL = new Conversions.DecimalConversion();

    private JsonValues() {}

    static Object convert(Schema s, JsonNode n, String path) throws ConversionException {
        return switch (s.getType()) {
            case NULL -> expect(n.isNull(), null, s, path);
            case BOOLEAN -> expect(n.isBoolean(), n.isBoolean() && n.booleanValue(), s, path);
            case INT -> toInt(s, n, path);
            case LONG -> toLong(s, n, path);
            case FLOAT -> expect(n.isNumber() && Float.isFinite(n.floatValue()), n.floatValue(), s, path);
            case DOUBLE -> expect(n.isNumber() && Double.isFinite(n.doubleValue()), n.doubleValue(), s, path);
            case STRING -> expect(n.isTextual(), n.textValue(), s, path);
            case ENUM ->
                expect(
                        n.isTextual() && s.hasEnumSymbol(n.textValue()),
                        n.isTextual() ? new GenericData.EnumSymbol(s, n.textValue()) : null,
                        s,
                        path);
            case BYTES -> toBytes(s, n, path);
            case FIXED -> toFixed(s, n, path);
            case ARRAY -> toArray(s, n, path);
            case MAP -> toMap(s, n, path);
            case RECORD -> toRecord(s, n, path);
            case UNION -> toUnion(s, n, path);
        };
    }

    static ConversionException mismatch(Schema s, String path) {
        return new ConversionException(path, "expected " + TypeNames.describe(s));
    }

    private static Object expect(boolean ok, Object value, Schema s, String path) throws ConversionException {
        if (!ok) {
            throw mismatch(s, path);
        }
        return value;
    }

    private static Object toInt(Schema s, JsonNode n, String path) throws ConversionException {
        if (s.getLogicalType() instanceof LogicalTypes.Date && n.isTextual()) {
            try {
                return Math.toIntExact(LocalDate.parse(n.textValue()).toEpochDay());
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new ConversionException(path, "expected date as yyyy-MM-dd");
            }
        }
        return expect(n.isIntegralNumber() && n.canConvertToInt(), n.intValue(), s, path);
    }

    private static Object toLong(Schema s, JsonNode n, String path) throws ConversionException {
        LogicalType logical = s.getLogicalType();
        boolean millis = logical instanceof LogicalTypes.TimestampMillis;
        if ((millis || logical instanceof LogicalTypes.TimestampMicros) && n.isTextual()) {
            try {
                Instant t = Instant.parse(n.textValue());
                return millis
                        ? t.toEpochMilli()
                        : Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new ConversionException(
                        path, "expected " + logical.getName() + " as ISO-8601 UTC, e.g. 2024-05-01T12:00:00Z");
            }
        }
        return expect(n.isIntegralNumber() && n.canConvertToLong(), n.longValue(), s, path);
    }

    private static Object toBytes(Schema s, JsonNode n, String path) throws ConversionException {
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
            try {
                BigDecimal value = n.isNumber() ? n.decimalValue() : new BigDecimal(n.textValue());
                BigDecimal scaled = value.setScale(d.getScale());
                if (scaled.precision() > d.getPrecision()) {
                    throw new ArithmeticException();
                }
                return DECIMAL.toBytes(scaled, s, d);
            } catch (ArithmeticException | NumberFormatException | NullPointerException e) {
                throw new ConversionException(
                        path, "expected decimal(" + d.getPrecision() + "," + d.getScale() + ") that fits exactly");
            }
        }
        return ByteBuffer.wrap(base64(s, n, path));
    }

    private static Object toFixed(Schema s, JsonNode n, String path) throws ConversionException {
        byte[] bytes = base64(s, n, path);
        if (bytes.length != s.getFixedSize()) {
            throw new ConversionException(path, "expected exactly " + s.getFixedSize() + " bytes, got " + bytes.length);
        }
        return new GenericData.Fixed(s, bytes);
    }

    private static byte[] base64(Schema s, JsonNode n, String path) throws ConversionException {
        if (!n.isTextual()) {
            throw mismatch(s, path);
        }
        try {
            return Base64.getDecoder().decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw new ConversionException(path, "expected " + TypeNames.describe(s) + " (standard base64)");
        }
    }

    private static Object toArray(Schema s, JsonNode n, String path) throws ConversionException {
        expect(n.isArray(), null, s, path);
        List<Object> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(convert(s.getElementType(), n.get(i), path + "[" + i + "]"));
        }
        return new GenericData.Array<>(s, out);
    }

    private static Object toMap(Schema s, JsonNode n, String path) throws ConversionException {
        expect(n.isObject(), null, s, path);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            out.put(e.getKey(), convert(s.getValueType(), e.getValue(), path + "[\"" + e.getKey() + "\"]"));
        }
        return out;
    }

    private static Object toRecord(Schema s, JsonNode n, String path) throws ConversionException {
        expect(n.isObject(), null, s, path);
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (s.getField(name) == null) {
                throw new ConversionException(join(path, name), "is not a field of " + s.getName());
            }
        }
        GenericData.Record record = new GenericData.Record(s);
        for (Schema.Field f : s.getFields()) {
            JsonNode value = n.get(f.name());
            if (value != null) {
                record.put(f.pos(), convert(f.schema(), value, join(path, f.name())));
            } else if (f.hasDefaultValue()) {
                record.put(
                        f.pos(),
                        GenericData.get().deepCopy(f.schema(), GenericData.get().getDefaultValue(f)));
            } else {
                throw new ConversionException(
                        join(path, f.name()), "is missing (expected " + TypeNames.describe(f.schema()) + ")");
            }
        }
        return record;
    }

    private static Object toUnion(Schema s, JsonNode n, String path) throws ConversionException {
        List<Schema> branches = s.getTypes().stream()
                .filter(t -> t.getType() != Schema.Type.NULL)
                .toList();
        if (n.isNull()) {
            return expect(branches.size() < s.getTypes().size(), null, s, path);
        }
        if (branches.size() == 1) {
            return convert(branches.get(0), n, path);
        }
        for (Schema branch : branches) {
            try {
                return convert(branch, n, path);
            } catch (ConversionException tryNext) {
                // the next branch may fit
            }
        }
        throw mismatch(s, path);
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
