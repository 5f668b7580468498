package io.dsx.policy.builtins.jsonschema;

import java.util.LinkedHashMap;
import java.util.Map;

/** One validation failure as gojsonschema reports it. */
record SchemaError(String type, String field, String description) {

    /** {@code {"error": "<field>: <desc>", "type", "field", "desc"}}. */
    Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", field + ": " + description);
        m.put("type", type);
        m.put("field", field);
        m.put("desc", description);
        return m;
    }
}
