package io.dsx.policy.builtins.plain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dsx.policy.value.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON text to plain values and back, with the quirks OPA inherits from Go's
 * {@code encoding/json}: duplicate keys keep the last value, numbers keep full precision, and
 * output sorts object keys and escapes {@code < > &} and U+2028/U+2029.
 */
public final class PlainJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private PlainJson() {}

    /** Parses one JSON text; throws {@link BuiltinFailure} with a short reason if it is not JSON. */
    public static Object parse(String text) {
        if (text.isBlank()) {
            throw new BuiltinFailure("unexpected end of JSON input");
        }
        try {
            return toPlain(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new BuiltinFailure(e.getOriginalMessage());
        }
    }

    /** Whether {@code text} is exactly one JSON value (Go's {@code json.Valid}). */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (BuiltinFailure e) {
            return false;
        }
    }

    /** Parses text that must hold a JSON object. */
    public static Map<String, Object> parseObject(String text) {
        return asObject(parse(text)).orElseThrow(() -> new BuiltinFailure("decoded JSON type was not an Object"));
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> asObject(Object value) {
        return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    private static Object toPlain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), toPlain(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.forEach(n -> out.add(toPlain(n)));
            return out;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    /** Writes a plain value as Go's {@code json.Marshal} would: compact, keys sorted. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof BigDecimal d) {
            sb.append(formatNumber(d));
        } else if (value instanceof Number n) {
            sb.append(formatNumber(new BigDecimal(n.toString())));
        } else if (value instanceof String s) {
            quote(s, sb);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof Iterable<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                sb.append(first ? "" : ",");
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "not a plain JSON value: " + value.getClass().getName());
        }
    }

    /** Integral numbers print without a fraction or exponent; others in plain decimal form. */
    public static String formatNumber(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.toBigInteger().toString();
        }
        return s.toPlainString();
    }

    /** Go's encoder also escapes HTML-significant characters and the JS line separators. */
    private static void quote(String s, StringBuilder sb) {
        String q = Json.quote(s);
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
    }
}
