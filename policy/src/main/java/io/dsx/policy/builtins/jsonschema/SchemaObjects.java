package io.dsx.policy.builtins.jsonschema;

import io.dsx.policy.builtins.plain.PlainJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Object keywords: required, properties, patternProperties, additionalProperties, sizes, dependencies. */
final class SchemaObjects {

    private SchemaObjects() {}

    @SuppressWarnings("unchecked")
    static void validate(
            SchemaValidator v, Map<String, Object> s, Map<String, Object> obj, String path, List<SchemaError> out) {
        if (s.get("required") instanceof List<?> required) {
            for (Object r : required) {
                if (!obj.containsKey(String.valueOf(r))) {
                    v.error(out, "required", path, r + " is required");
                }
            }
        }
        Map<String, Object> props = s.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Map<String, Object> patterns =
                s.get("patternProperties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        for (Map.Entry<String, Object> e : obj.entrySet()) {
            String childPath = path + "." + e.getKey();
            boolean matched = false;
            if (props.containsKey(e.getKey())) {
                matched = true;
                v.child(props.get(e.getKey()), e.getValue(), childPath, out);
            }
            for (Map.Entry<String, Object> pp : patterns.entrySet()) {
                if (Pattern.compile(pp.getKey()).matcher(e.getKey()).find()) {
                    matched = true;
                    v.child(pp.getValue(), e.getValue(), childPath, out);
                }
            }
            Object additional = s.get("additionalProperties");
            if (!matched && additional != null) {
                if (Boolean.FALSE.equals(additional)) {
                    v.error(
                            out,
                            "additional_property_not_allowed",
                            path,
                            "Additional property " + e.getKey() + " is not allowed");
                } else {
                    v.child(additional, e.getValue(), childPath, out);
                }
            }
            if (s.containsKey("propertyNames") && !v.passes(s.get("propertyNames"), e.getKey(), path)) {
                v.error(out, "invalid_property_name", path, "Property \"" + e.getKey() + "\" does not match pattern");
            }
        }
        if (s.get("minProperties") instanceof BigDecimal min && obj.size() < min.intValue()) {
            v.error(
                    out,
                    "array_min_properties",
                    path,
                    "Must have at least " + PlainJson.formatNumber(min) + " properties");
        }
        if (s.get("maxProperties") instanceof BigDecimal max && obj.size() > max.intValue()) {
            v.error(
                    out,
                    "array_max_properties",
                    path,
                    "Must have at most " + PlainJson.formatNumber(max) + " properties");
        }
        if (s.get("dependencies") instanceof Map<?, ?> deps) {
            deps.forEach((k, dep) -> {
                if (!obj.containsKey(String.valueOf(k))) {
                    return;
                }
                if (dep instanceof List<?> names) {
                    for (Object n : names) {
                        if (!obj.containsKey(String.valueOf(n))) {
                            v.error(out, "missing_dependency", path, "Has a dependency on " + n);
                        }
                    }
                } else {
                    v.child(dep, obj, path, out);
                }
            });
        }
    }
}
