package io.dsx.policy.builtins.jsonschema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** JSON Schema type names of plain values ("integer" for integral numbers). */
final class JsonTypes {

    private JsonTypes() {}

    static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof BigDecimal d) {
            return isIntegral(d) ? "integer" : "number";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        if (v instanceof Map<?, ?>) {
            return "object";
        }
        return "unknown";
    }

    static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** Whether {@code v} is of schema type {@code type} (integers are numbers too). */
    static boolean matches(Object v, String type) {
        String actual = typeOf(v);
        return actual.equals(type) || (type.equals("number") && actual.equals("integer"));
    }
}
