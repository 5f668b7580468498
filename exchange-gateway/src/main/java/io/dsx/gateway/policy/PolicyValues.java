package io.dsx.gateway.policy;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.List;
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

    static ArrayValue strings(List<String> s) {
        return ArrayValue.of(s.stream().map(x -> (Value) StringValue.of(x)).toList());
    }
}
