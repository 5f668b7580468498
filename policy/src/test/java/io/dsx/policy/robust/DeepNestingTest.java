package io.dsx.policy.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.Limits;
import io.dsx.policy.Policy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deep module text, input and data are errors naming the limit, never a StackOverflowError. */
class DeepNestingTest {
    private static final int DEEP = 100_000;

    private static Policy policy(String rego) {
        return Policy.compile(Map.of("t.rego", rego), ObjectValue.EMPTY);
    }

    private static void assertParseLimit(String rego) {
        assertThatThrownBy(() -> policy(rego)).isInstanceOfSatisfying(RegoException.class, e -> {
            assertThat(e.code()).isEqualTo(RegoException.Code.PARSE);
            assertThat(e.getMessage()).contains(String.valueOf(Limits.MAX_NESTING));
        });
    }

    @Test
    void moduleNested100000DeepIsAParseErrorNamingTheLimit() {
        assertParseLimit("package t\nx := " + "[".repeat(DEEP) + "1" + "]".repeat(DEEP) + "\n");
    }

    @Test
    void deepParenthesesBracesNotAndMinusAreParseErrors() {
        assertParseLimit("package t\nx := " + "(".repeat(DEEP) + "1" + ")".repeat(DEEP) + "\n");
        assertParseLimit("package t\nx := " + "{".repeat(DEEP) + "1" + "}".repeat(DEEP) + "\n");
        assertParseLimit("package t\np if {\n" + "{".repeat(DEEP) + "true" + "}".repeat(DEEP) + "\n}\n");
        assertParseLimit("package t\np if " + "not ".repeat(DEEP) + "false\n");
        assertParseLimit("package t\nx := " + "- ".repeat(DEEP) + "x\n");
        assertParseLimit("package t\np if false\n" + "else := 1 if false\n".repeat(DEEP));
        assertParseLimit("package t\n" + "x := " + "[".repeat(DEEP));
    }

    @Test
    void nestingAtTheLimitCompilesAndEvaluates() {
        int n = Limits.MAX_NESTING - 1;
        Policy p = policy("package t\nx := " + "[".repeat(n) + "1" + "]".repeat(n) + "\ny := count(x)\n");
        assertThat(p.evalRef("data.t.y", EvalOptions.defaults())).isEqualTo(NumberValue.ONE);
    }

    @Test
    void input100000DeepIsAnEvaluationErrorNamingTheLimit() {
        Value in = StringValue.of("leaf");
        for (int k = 0; k < DEEP; k++) {
            in = ArrayValue.of(in);
        }
        Policy p = policy("package t\nx := json.marshal(input)\n");
        EvalOptions opts = EvalOptions.defaults().withInput(in);
        assertThatThrownBy(() -> p.evalRef("data.t.x", opts)).isInstanceOfSatisfying(RegoException.class, e -> {
            assertThat(e.code()).isEqualTo(RegoException.Code.EVAL_LIMIT);
            assertThat(e.getMessage()).contains("input nested deeper than " + Limits.MAX_VALUE_DEPTH);
        });
    }

    @Test
    void inputAtTheDepthLimitEvaluates() {
        Value in = StringValue.of("leaf");
        for (int k = 0; k < Limits.MAX_VALUE_DEPTH; k++) {
            in = ArrayValue.of(in);
        }
        Policy p = policy("package t\nx := count(json.marshal(input))\n");
        assertThat(p.evalRef("data.t.x", EvalOptions.defaults().withInput(in)))
                .isEqualTo(NumberValue.of(2L * Limits.MAX_VALUE_DEPTH + 6));
    }

    @Test
    void jsonNested100000DeepIsRejectedByTheParser() {
        String json = "[".repeat(DEEP) + "]".repeat(DEEP);
        assertThatThrownBy(() -> Json.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void deepJavaDocumentIsRejectedByTheConversion() {
        List<Object> root = new ArrayList<>();
        List<Object> cur = root;
        for (int k = 0; k < DEEP; k++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        assertThatThrownBy(() -> io.dsx.policy.value.PlainValues.fromPlain(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than " + Limits.MAX_VALUE_DEPTH);
    }

    @Test
    void deepDataIsACompileError() {
        Value d = StringValue.of("leaf");
        for (int k = 0; k < DEEP; k++) {
            d = ArrayValue.of(d);
        }
        ObjectValue data = ObjectValue.builder().put(StringValue.of("d"), d).build();
        assertThatThrownBy(() -> Policy.compile(Map.of("t.rego", "package t\n"), data))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.code()).isEqualTo(RegoException.Code.COMPILE));
    }

    @Test
    void hugeNumbersAreErrorsNotBillionDigitValues() {
        assertThatThrownBy(() -> policy("package t\nx := 1e999999999999\n"))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.code()).isEqualTo(RegoException.Code.PARSE));
        Policy p = policy("package t\nx := 1e99999 * 1e99999\ny := 1e99999 + 1\n");
        assertThat(p.evalRef("data.t.x", EvalOptions.defaults())).isNull();
        assertThatThrownBy(() -> p.evalRef("data.t.x", EvalOptions.defaults().withStrict(true)))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.getMessage()).contains("out of range"));
        assertThat(p.evalRef("data.t.y", EvalOptions.defaults())).isNotNull();
    }
}
