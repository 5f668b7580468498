package io.dsx.policy.builtins.jsonschema;

import io.dsx.policy.builtins.plain.PlainJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Number keywords, with draft-4 boolean and draft-6 numeric exclusive bounds. */
final class SchemaNumbers {

    private SchemaNumbers() {}

    static void validate(SchemaValidator v, Map<String, Object> s, BigDecimal n, String path, List<SchemaError> out) {
        if (s.get("multipleOf") instanceof BigDecimal m
                && m.signum() != 0
                && n.remainder(m).signum() != 0) {
            v.error(out, "multiple_of", path, "Must be a multiple of " + PlainJson.formatNumber(m));
        }
        if (s.get("minimum") instanceof BigDecimal min) {
            boolean exclusive = Boolean.TRUE.equals(s.get("exclusiveMinimum"));
            if (exclusive ? n.compareTo(min) <= 0 : n.compareTo(min) < 0) {
                v.error(
                        out,
                        exclusive ? "number_gt" : "number_gte",
                        path,
                        (exclusive ? "Must be greater than " : "Must be greater than or equal to ")
                                + PlainJson.formatNumber(min));
            }
        }
        if (s.get("exclusiveMinimum") instanceof BigDecimal min && n.compareTo(min) <= 0) {
            v.error(out, "number_gt", path, "Must be greater than " + PlainJson.formatNumber(min));
        }
        if (s.get("maximum") instanceof BigDecimal max) {
            boolean exclusive = Boolean.TRUE.equals(s.get("exclusiveMaximum"));
            if (exclusive ? n.compareTo(max) >= 0 : n.compareTo(max) > 0) {
                v.error(
                        out,
                        exclusive ? "number_lt" : "number_lte",
                        path,
                        (exclusive ? "Must be less than " : "Must be less than or equal to ")
                                + PlainJson.formatNumber(max));
            }
        }
        if (s.get("exclusiveMaximum") instanceof BigDecimal max && n.compareTo(max) >= 0) {
            v.error(out, "number_lt", path, "Must be less than " + PlainJson.formatNumber(max));
        }
    }
}
