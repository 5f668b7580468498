package io.dsx.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.Policy;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DecisionPointTest {
    private static final Supplier<EvalOptions> OPTS = () -> EvalOptions.defaults()
            .withNowNs(0)
            .withRandom(new Random(1))
            .withLimits(Duration.ofSeconds(5), 1_000_000, 100_000);
    private static final Value INPUT = Json.parse("""
            {"subject": {"roles": ["researcher"]}, "resource": {"fields_requested": ["age", "zip"]}}""");

    private static DecisionPoint point(String rego, Supplier<EvalOptions> opts) {
        return DecisionPoint.compiling(() -> Policy.compile(Map.of("p.rego", rego), ObjectValue.EMPTY), opts);
    }

    private static Decision decide(String rego) {
        return point(rego, OPTS).decide("read", INPUT);
    }

    @Test
    void allowsAWellFormedDecision() {
        Decision d = decide("""
                package dsx.read
                decision := {"allow": true, "fields": [f | some f in input.resource.fields_requested; f != "zip"],
                             "reasons": ["researcher"], "obligations": {"mask": {"age": "year"}}} if {
                    "researcher" in input.subject.roles
                }
                """);
        assertThat(d.allow()).isTrue();
        assertThat(d.fields()).containsExactly("age");
        assertThat(d.obligations().get("mask")).isEqualTo(Json.parse("{\"age\": \"year\"}"));
        assertThat(d.failure()).isNull();
    }

    @Test
    void deniesWithPolicyReasonsWhenAllowIsFalse() {
        Decision d = decide("""
                package dsx.read
                decision := {"allow": false, "reasons": ["no ethics approval"]}
                """);
        assertThat(d.allow()).isFalse();
        assertThat(d.reasons()).containsExactly("no ethics approval");
    }

    @Test
    void deniesWhenThePolicyDoesNotParse() {
        Decision d = decide("package dsx.read\ndecision := {\"allow\": true");
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.POLICY_INVALID);
        assertThat(d.reasons().get(0)).contains("rego_parse_error");
    }

    @Test
    void deniesWhenThePolicyDoesNotCompile() {
        Decision d = decide("package dsx.read\ndecision := {\"allow\": no_such_function(1)}");
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.POLICY_INVALID);
        assertThat(d.reasons().get(0)).contains("rego_type_error").contains("no_such_function");
    }

    @Test
    void deniesWhenEvaluationFails() {
        Decision d = decide("""
                package dsx.read
                decision := {"allow": true}
                decision := {"allow": false}
                """);
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.EVAL_ERROR);
        assertThat(d.reasons().get(0)).contains("eval_conflict_error");
    }

    @Test
    void deniesWhenEvaluationRunsPastItsDeadline() {
        DecisionPoint p =
                point("""
                package dsx.read
                decision := {"allow": count([x | some x in numbers.range(1, 100000000)]) > 0}
                """, () -> OPTS.get().withLimits(Duration.ofNanos(1), Long.MAX_VALUE, Integer.MAX_VALUE));
        Decision d = p.decide("read", INPUT);
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.TIMEOUT);
        assertThat(d.reasons().get(0)).contains("eval_cancel_error");
    }

    @Test
    void deniesWhenALoopingPolicyExhaustsTheStepBudget() {
        DecisionPoint p = point("""
                package dsx.read
                f(n) := f(n + 1)
                decision := {"allow": f(0) > 0}
                """, () -> OPTS.get().withLimits(Duration.ofSeconds(30), 10_000, 1000));
        Decision d = p.decide("read", INPUT);
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.LIMIT);
    }

    @Test
    void deniesWhenTheDecisionIsUndefined() {
        Decision d = decide("""
                package dsx.read
                decision := {"allow": true} if { "admin" in input.subject.roles }
                """);
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.UNDEFINED);
        assertThat(d.reasons().get(0)).contains("undefined");
    }

    @Test
    void deniesWhenTheDecisionIsMalformed() {
        assertThat(decide("package dsx.read\ndecision := true").failure()).isEqualTo(Decision.Failure.MALFORMED);
        assertThat(decide("package dsx.read\ndecision := {\"allow\": \"yes\"}").failure())
                .isEqualTo(Decision.Failure.MALFORMED);
        Decision d = decide("package dsx.read\ndecision := {\"allow\": true, \"fields\": [1]}");
        assertThat(d.allow()).isFalse();
        assertThat(d.reasons().get(0)).contains("malformed decision").contains("fields");
    }

    @Test
    void deniesWithALimitWhenTheInputIsNestedTooDeep() {
        Value deep = Json.parse("1");
        for (int k = 0; k < 100_000; k++) {
            deep = io.dsx.policy.value.ArrayValue.of(deep);
        }
        Decision d =
                point("package dsx.read\ndecision := {\"allow\": true}\n", OPTS).decide("read", deep);
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.LIMIT);
        assertThat(d.reasons().get(0)).contains("input nested deeper than");
    }

    @Test
    void aBuiltinErrorInsideTheDecisionDeniesWithItsReason() {
        Decision d = decide("""
                package dsx.read
                decision := {"allow": true, "fields": [], "reasons": [], "obligations": {"n": to_number("x")}}
                default decision := {"allow": true}
                """);
        assertThat(d.allow()).isFalse();
        assertThat(d.failure()).isEqualTo(Decision.Failure.EVAL_ERROR);
        assertThat(d.reasons().get(0)).contains("eval_builtin_error", "to_number");
    }

    @Test
    void aDecisionsValueIsWhatTheAuditLogRecords() {
        Decision allowed = new Decision(
                true,
                java.util.List.of("age"),
                java.util.List.of("ok"),
                (ObjectValue) Json.parse("{\"mask\":{\"age\":\"year\"}}"),
                null);
        assertThat(Json.write(allowed.toValue()))
                .isEqualTo(
                        "{\"allow\":true,\"fields\":[\"age\"],\"obligations\":{\"mask\":{\"age\":\"year\"}},\"reasons\":[\"ok\"]}");
        assertThat(Json.write(Decision.failClosed(Decision.Failure.UNDEFINED, "undefined")
                        .toValue()))
                .isEqualTo("{\"allow\":false,\"fields\":[],\"obligations\":{},\"reasons\":[\"undefined\"]}");
    }
}
