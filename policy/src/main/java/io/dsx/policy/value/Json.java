package io.dsx.policy.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.dsx.policy.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON to and from values, numbers kept exact. Writing turns sets into arrays (in set order) and
 * non-string object keys into their JSON text, as OPA does.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_VALUE_DEPTH)
                    .maxNumberLength(Limits.MAX_NUMBER_DIGITS)
                    .build())
            .build();

    private Json() {}

    /**
     * Parses one JSON document.
     *
     * @throws IllegalArgumentException when the text is not valid JSON or nests deeper than
     *     {@link Limits#MAX_VALUE_DEPTH}
     */
    public static Value parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("empty JSON document");
            }
            Value v = read(p, t);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after JSON value");
            }
            return v;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Value read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectValue.Builder b = ObjectValue.builder();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    b.put(StringValue.of(name), read(p, p.nextToken()));
                }
                return b.build();
            }
            case START_ARRAY: {
                List<Value> elems = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    elems.add(read(p, e));
                }
                return ArrayValue.of(elems);
            }
            case VALUE_STRING:
                return StringValue.of(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return NumberValue.parse(p.getText());
            case VALUE_TRUE:
                return BoolValue.TRUE;
            case VALUE_FALSE:
                return BoolValue.FALSE;
            case VALUE_NULL:
                return NullValue.INSTANCE;
            default:
                throw new IllegalArgumentException("unexpected JSON token " + t);
        }
    }

    /** Serialises a value as compact JSON. */
    public static String write(Value v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb);
        return sb.toString();
    }

    /** Serialises a value as compact JSON into sb. */
    public static void write(Value v, StringBuilder sb) {
        switch (v.kind()) {
            case STRING -> quote(((StringValue) v).value(), sb);
            case ARRAY -> {
                ArrayValue a = (ArrayValue) v;
                sb.append('[');
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(a.get(i), sb);
                }
                sb.append(']');
            }
            case SET -> {
                sb.append('[');
                boolean first = true;
                for (Value e : (SetValue) v) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    write(e, sb);
                }
                sb.append(']');
            }
            case OBJECT -> {
                sb.append('{');
                boolean first = true;
                for (var e : ((ObjectValue) v).entries().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    Value k = e.getKey();
                    quote(k instanceof StringValue s ? s.value() : write(k), sb);
                    sb.append(':');
                    write(e.getValue(), sb);
                }
                sb.append('}');
            }
            default -> sb.append(v);
        }
    }

    /** Converts a value to JSON-compatible form: sets become arrays, non-string keys strings. */
    public static Value toJsonValue(Value v) {
        return switch (v.kind()) {
            case SET, ARRAY, OBJECT -> parse(write(v));
            default -> v;
        };
    }

    /** A JSON string literal for s. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
