package io.dsx.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.Policy;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrintTest {
    @Test
    void printWritesOperandsToTheSinkAndNeverFailsTheRule() {
        Policy p = Policy.compile(Map.of("t.rego", """
                package t
                allow if {
                    print("role:", input.role, input.missing, {"n": 1})
                    input.role == "admin"
                }
                """), ObjectValue.EMPTY);
        List<String> lines = new ArrayList<>();
        EvalOptions opts = EvalOptions.defaults()
                .withInput(Json.parse("{\"role\": \"admin\"}"))
                .withPrint((loc, msg) -> lines.add(loc.file() + ":" + loc.row() + " " + msg));
        assertThat(p.evalRef("data.t.allow", opts)).hasToString("true");
        assertThat(lines).containsExactly("t.rego:3 role: admin <undefined> {\"n\":1}");
    }
}
