package io.dsx.gateway.policy;

import io.dsx.policy.value.Json;
import io.dsx.policy.value.Value;
import tools.jackson.databind.json.JsonMapper;

/** Crossing between the policy engine's values and JSON-shaped Java values, through JSON text. */
final class PolicyValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyValues() {}

    static Object toJava(Value v) {
        return JSON.readValue(Json.write(v), Object.class);
    }

    static Value fromJava(Object o) {
        return Json.parse(JSON.writeValueAsString(o));
    }
}
