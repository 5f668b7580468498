package io.dsx.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.Policy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorLimitsTest {
    private static Policy policy(String rego) {
        return Policy.compile(Map.of("t.rego", rego), ObjectValue.EMPTY);
    }

    @Test
    void unboundedRecursionStopsWithALimitError() {
        Policy p = policy("package t\nf(n) := f(n + 1)\nx := f(0)\n");
        assertThatThrownBy(() -> p.evalRef("data.t.x", EvalOptions.defaults()))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.code()).isEqualTo(RegoException.Code.EVAL_LIMIT));
    }

    @Test
    void stepBudgetStopsLongIteration() {
        Policy p = policy("package t\nx := count([i | some i in numbers.range(1, 100000)])\n");
        EvalOptions tight = EvalOptions.defaults().withLimits(Duration.ofSeconds(30), 1000, 1_000_000);
        assertThatThrownBy(() -> p.evalRef("data.t.x", tight))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.getMessage()).contains("step limit"));
        // a generous deadline: the default 1 s is wall-clock and a loaded CI machine may need more
        EvalOptions roomy = EvalOptions.defaults().withLimits(Duration.ofSeconds(60), 10_000_000L, 1_000_000);
        assertThat(p.evalRef("data.t.x", roomy)).isEqualTo(Json.parse("100000"));
    }

    @Test
    void strictModeSurfacesBuiltinErrorsThatAreOtherwiseUndefined() {
        Policy p = policy("package t\nx := 1 / 0\n");
        assertThat(p.evalRef("data.t.x", EvalOptions.defaults())).isNull();
        assertThatThrownBy(() -> p.evalRef("data.t.x", EvalOptions.defaults().withStrict(true)))
                .hasMessageContaining("eval_builtin_error")
                .hasMessageContaining("div: divide by zero")
                .hasMessageContaining("t.rego:2");
    }

    @Test
    void compiledPolicyIsSharedSafelyAcrossThreads() throws Exception {
        Policy p = policy("package t\nx := sum([n | some n in input.ns])\n");
        Thread[] ts = new Thread[4];
        Object[] results = new Object[4];
        for (int i = 0; i < ts.length; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                for (int r = 0; r < 200; r++) {
                    results[k] = p.evalRef(
                            "data.t.x", EvalOptions.defaults().withInput(Json.parse("{\"ns\": [" + k + ", 1]}")));
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        for (int i = 0; i < ts.length; i++) {
            assertThat(results[i]).isEqualTo(Json.parse(String.valueOf(i + 1)));
        }
    }
}
