package io.dsx.policy.decision;

import io.dsx.policy.Policy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Evaluates {@code data.dsx.<action>.decision} and turns the result into a {@link Decision},
 * failing closed. Thread-safe.
 */
public final class DecisionPoint {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)*");

    private final Policy policy;
    private final String compileError;
    private final Supplier<EvalOptions> options;

    private DecisionPoint(Policy policy, String compileError, Supplier<EvalOptions> options) {
        this.policy = policy;
        this.compileError = compileError;
        this.options = options;
    }

    /** A decision point over a compiled policy; options supply clock, limits, etc. per decision. */
    public static DecisionPoint of(Policy policy, Supplier<EvalOptions> options) {
        return new DecisionPoint(policy, null, options);
    }

    /**
     * A decision point compiling policy now; if compilation fails, every decision is a deny that
     * names the compile error (callers wanting fail-fast start-up check {@link #compileError()}).
     */
    public static DecisionPoint compiling(Supplier<Policy> compile, Supplier<EvalOptions> options) {
        try {
            return new DecisionPoint(compile.get(), null, options);
        } catch (RegoException e) {
            return new DecisionPoint(null, e.getMessage(), options);
        }
    }

    /** The compile error, or null when the policy compiled. */
    public String compileError() {
        return compileError;
    }

    /** Decides action for input; never throws for policy problems. */
    public Decision decide(String action, Value input) {
        if (policy == null) {
            return Decision.failClosed(Decision.Failure.POLICY_INVALID, "policy does not compile: " + compileError);
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            return Decision.failClosed(Decision.Failure.MALFORMED, "invalid action name");
        }
        Value result;
        try {
            // strict: a builtin error inside the decision denies with its reason instead of
            // silently turning part of the policy undefined
            result = policy.evalRef(
                    "data.dsx." + action + ".decision",
                    options.get().withInput(input).withStrict(true));
        } catch (RegoException e) {
            return Decision.failClosed(failure(e), "policy evaluation failed: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Decision.failClosed(
                    Decision.Failure.EVAL_ERROR,
                    "policy evaluation failed: " + e.getClass().getSimpleName());
        }
        if (result == null) {
            return Decision.failClosed(Decision.Failure.UNDEFINED, "decision is undefined for action " + action);
        }
        return parse(result);
    }

    private static Decision.Failure failure(RegoException e) {
        return switch (e.code()) {
            case EVAL_CANCEL -> Decision.Failure.TIMEOUT;
            case EVAL_LIMIT -> Decision.Failure.LIMIT;
            case PARSE, COMPILE, TYPE, UNSAFE_VAR, RECURSION -> Decision.Failure.POLICY_INVALID;
            default -> Decision.Failure.EVAL_ERROR;
        };
    }

    /** Checks the decision's shape: allow boolean; fields/reasons arrays of strings; obligations object. */
    static Decision parse(Value result) {
        if (!(result instanceof ObjectValue o)) {
            return malformed("decision must be an object but got " + result.typeName());
        }
        if (!(o.get("allow") instanceof BoolValue allow)) {
            return malformed("decision.allow must be a boolean");
        }
        List<String> fields = strings(o.get("fields"));
        List<String> reasons = strings(o.get("reasons"));
        if (fields == null) {
            return malformed("decision.fields must be an array of strings");
        }
        if (reasons == null) {
            return malformed("decision.reasons must be an array of strings");
        }
        Value ob = o.get("obligations");
        if (ob != null && !(ob instanceof ObjectValue)) {
            return malformed("decision.obligations must be an object");
        }
        ObjectValue obligations = ob == null ? ObjectValue.EMPTY : (ObjectValue) ob;
        if (!allow.value()) {
            List<String> why = reasons.isEmpty() ? List.of("denied by policy") : reasons;
            return new Decision(false, List.of(), why, obligations, null);
        }
        return new Decision(true, fields, reasons, obligations, null);
    }

    private static Decision malformed(String why) {
        return Decision.failClosed(Decision.Failure.MALFORMED, "malformed decision: " + why);
    }

    private static List<String> strings(Value v) {
        if (v == null) {
            return List.of();
        }
        Iterable<Value> elems;
        if (v instanceof ArrayValue a) {
            elems = a.elements();
        } else if (v instanceof io.dsx.policy.value.SetValue s) {
            elems = s;
        } else {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Value e : elems) {
            if (!(e instanceof StringValue s)) {
                return null;
            }
            out.add(s.value());
        }
        return out;
    }
}
