package io.dsx.policy.builtins.encoding;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text as Go's {@code encoding/json} writes it for OPA: compact or {@code MarshalIndent}
 * layout, sets as arrays, and {@code <}, {@code >}, {@code &}, U+2028, U+2029 escaped.
 */
public final class GoJson {

    private GoJson() {}

    public static String marshal(Value v) {
        return htmlSafe(Json.write(v));
    }

    /** {@code MarshalIndent(v, prefix, indent)}; the first line gets no prefix (OPA adds it). */
    public static String marshalIndent(Value v, String prefix, String indent) {
        StringBuilder out = new StringBuilder();
        write(out, v, prefix, indent, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Value v, String prefix, String indent, int depth) {
        List<Value[]> entries = new ArrayList<>();
        boolean object = v instanceof ObjectValue;
        if (v instanceof ArrayValue a) {
            a.elements().forEach(e -> entries.add(new Value[] {null, e}));
        } else if (v instanceof SetValue s) {
            s.elements().forEach(e -> entries.add(new Value[] {null, e}));
        } else if (v instanceof ObjectValue o) {
            Value json = Json.toJsonValue(o);
            ((ObjectValue) json).entries().forEach((k, e) -> entries.add(new Value[] {k, e}));
        } else {
            out.append(marshal(v));
            return;
        }
        if (entries.isEmpty()) {
            out.append(object ? "{}" : "[]");
            return;
        }
        out.append(object ? '{' : '[');
        for (int i = 0; i < entries.size(); i++) {
            out.append(i > 0 ? "," : "").append('\n').append(prefix).append(indent.repeat(depth + 1));
            if (object) {
                out.append(marshal(entries.get(i)[0])).append(": ");
            }
            write(out, entries.get(i)[1], prefix, indent, depth + 1);
        }
        out.append('\n').append(prefix).append(indent.repeat(depth)).append(object ? '}' : ']');
    }

    static String htmlSafe(String json) {
        if (json.chars().noneMatch(c -> c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)) {
            return json;
        }
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
