package io.dsx.policy.builtins.jsonschema;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a schema is well formed before it is used, with gojsonschema's texts for the
 * mistakes it reports (unknown primitive types, keywords of the wrong JSON type).
 */
final class SchemaCompiler {

    static final List<String> TYPES = List.of("array", "boolean", "integer", "number", "null", "object", "string");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions", "$defs");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");

    private SchemaCompiler() {}

    static void check(Object schema) {
        if (schema instanceof Boolean) {
            return;
        }
        if (!(schema instanceof Map<?, ?> m)) {
            throw new BuiltinFailure("Invalid type. Expected: object, given: " + JsonTypes.typeOf(schema));
        }
        Object type = m.get("type");
        if (type instanceof String s) {
            checkPrimitive(s);
        } else if (type instanceof List<?> l) {
            for (Object t : l) {
                checkPrimitive(t instanceof String s ? s : String.valueOf(t));
            }
        } else if (type != null) {
            throw new BuiltinFailure("Invalid type. Expected: string/array of strings, given: type");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (SCHEMA_MAPS.contains(key)) {
                if (!(v instanceof Map<?, ?> sub)) {
                    throw new BuiltinFailure("Invalid type. Expected: object, given: " + key);
                }
                sub.values().forEach(SchemaCompiler::check);
            } else if (SCHEMA_LISTS.contains(key)) {
                if (!(v instanceof List<?> l) || l.isEmpty()) {
                    throw new BuiltinFailure(key + " must be of an array");
                }
                l.forEach(SchemaCompiler::check);
            } else if (key.equals("not")
                    || key.equals("additionalProperties") && !(v instanceof Boolean)
                    || key.equals("items") && !(v instanceof List<?>)) {
                check(v);
            } else if (key.equals("required") && !(v instanceof List<?>)) {
                throw new BuiltinFailure("Invalid type. Expected: array of strings, given: required");
            }
        }
    }

    private static void checkPrimitive(String s) {
        if (!TYPES.contains(s)) {
            throw new BuiltinFailure("has a primitive type that is NOT VALID -- given: /" + s
                    + "/ Expected valid values are:[" + String.join(" ", TYPES) + "]");
        }
    }
}
