package io.dsx.policy.value;

import io.dsx.policy.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one conversion between policy values and plain Java values ({@code null}, {@link Boolean},
 * numbers, {@link String}, {@link List}, {@link Map} with string keys), for library users (the
 * gateway's inputs and obligations) and the builtins that work on plain values.
 */
public final class PlainValues {
    private PlainValues() {}

    /**
     * Plain Java data (maps, collections, strings, numbers, booleans, null), such as a YAML or
     * Jackson tree, as a value. Map keys become strings via {@code toString} unless they are
     * already values.
     *
     * @throws IllegalArgumentException when it nests deeper than {@link Limits#MAX_VALUE_DEPTH}
     */
    public static Value fromPlain(Object o) {
        return fromPlain(o, 0);
    }

    private static Value fromPlain(Object o, int depth) {
        if (o == null) {
            return NullValue.INSTANCE;
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return StringValue.of(s);
        }
        if (o instanceof Boolean b) {
            return BoolValue.of(b);
        }
        if (o instanceof BigDecimal d) {
            return NumberValue.of(d);
        }
        if (o instanceof BigInteger i) {
            return NumberValue.of(i);
        }
        if (o instanceof Double || o instanceof Float) {
            return NumberValue.of(new BigDecimal(o.toString()));
        }
        if (o instanceof Number n) {
            return NumberValue.of(n.longValue());
        }
        if ((o instanceof Map || o instanceof Collection) && depth >= Limits.MAX_VALUE_DEPTH) {
            throw new IllegalArgumentException("document nested deeper than " + Limits.MAX_VALUE_DEPTH + " levels");
        }
        if (o instanceof Map<?, ?> m) {
            ObjectValue.Builder b = ObjectValue.builder();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                b.put(
                        k instanceof Value kv ? kv : StringValue.of(String.valueOf(k)),
                        fromPlain(e.getValue(), depth + 1));
            }
            return b.build();
        }
        if (o instanceof Collection<?> c) {
            List<Value> elems = new ArrayList<>(c.size());
            for (Object e : c) {
                elems.add(fromPlain(e, depth + 1));
            }
            return ArrayValue.of(elems);
        }
        return StringValue.of(o.toString());
    }

    /** A value as plain Java: numbers as {@link BigDecimal}, sets as sorted lists, non-string keys as their JSON text. */
    public static Object toPlain(Value v) {
        return toPlain(v, NumberValue::toBigDecimal);
    }

    /** As {@link #toPlain(Value)}, with numbers converted by numbers (a YAML writer wants Long or Double). */
    public static Object toPlain(Value v, Function<NumberValue, Object> numbers) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof NumberValue n) {
            return numbers.apply(n);
        }
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v instanceof ArrayValue a) {
            List<Object> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(toPlain(a.get(i), numbers));
            }
            return out;
        }
        if (v instanceof SetValue s) {
            List<Object> out = new ArrayList<>(s.size());
            s.forEach(e -> out.add(toPlain(e, numbers)));
            return out;
        }
        if (v instanceof ObjectValue o) {
            Map<String, Object> out = new LinkedHashMap<>();
            o.entries()
                    .forEach((k, val) ->
                            out.put(k instanceof StringValue s ? s.value() : Json.write(k), toPlain(val, numbers)));
            return out;
        }
        return null;
    }
}
