package io.dsx.policy.conformance;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Terms;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.compile.CompiledPolicy;
import io.dsx.policy.compile.Compiler;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.eval.QueryEval;
import io.dsx.policy.parse.Parser;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import io.dsx.policy.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs one case and judges it as OPA's harness does (FORMAT.md section 3). */
final class CaseRunner {
    /** Fixed clock for replayable runs: 2024-01-01T00:00:00Z. */
    static final long NOW_NS = 1_704_067_200_000_000_000L;

    private final BuiltinRegistry registry;
    private final Duration timeout;

    CaseRunner(BuiltinRegistry registry, Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
    }

    /** The outcome of one case: passed, or the reason it failed. */
    record Outcome(boolean passed, String reason) {
        static Outcome pass() {
            return new Outcome(true, "");
        }

        static Outcome fail(String why) {
            return new Outcome(false, why.replace('\n', ' ').replace('\t', ' '));
        }
    }

    Outcome run(TestCase c) {
        if (c.wantResult() == null && c.wantError() == null && c.wantErrorCode() == null) {
            return Outcome.fail("case expects nothing");
        }
        CompiledPolicy policy;
        List<Expr> query;
        Value input;
        try {
            List<Module> modules = new ArrayList<>();
            for (int i = 0; i < c.modules().size(); i++) {
                modules.add(Parser.parseModule(c.modules().get(i), "test-" + i + ".rego"));
            }
            ObjectValue data = c.data() instanceof ObjectValue o ? o : ObjectValue.EMPTY;
            policy = Compiler.compile(modules, data, io.dsx.policy.Policy.implementedBy(registry));
            query = policy.compileQuery(c.query());
            input = c.inputTerm() != null ? Terms.toValue(Parser.parseTerm(c.inputTerm())) : c.input();
        } catch (RegoException e) {
            return Outcome.fail("compile: " + e.getMessage());
        }
        EvalOptions opts = EvalOptions.defaults()
                .withInput(input)
                .withStrict(c.strictError())
                .withNowNs(NOW_NS)
                .withRandom(new Random(0))
                .withEnv(c.env())
                .withLimits(timeout, 50_000_000L, 5_000_000);
        List<Map<String, Value>> rows;
        RegoException error = null;
        try {
            rows = QueryEval.run(policy, registry, query, opts);
        } catch (QueryEval.PartialResultException p) {
            rows = p.rows();
            error = p.error();
        } catch (RegoException e) {
            rows = List.of();
            error = e;
        }
        return judge(c, rows, error);
    }

    private Outcome judge(TestCase c, List<Map<String, Value>> rows, RegoException error) {
        boolean wantsError = c.wantError() != null || c.wantErrorCode() != null;
        if (error != null && !wantsError) {
            return Outcome.fail("unexpected error: " + error.getMessage());
        }
        if (wantsError) {
            if (error == null) {
                return Outcome.fail(
                        "expected error " + c.wantErrorCode() + " '" + c.wantError() + "' but got " + actual(c, rows));
            }
            if (c.wantErrorCode() != null
                    && !c.wantErrorCode().equals(error.code().text())) {
                return Outcome.fail("wrong error code: want " + c.wantErrorCode() + " got " + error.getMessage());
            }
            if (c.wantError() != null && !error.getMessage().contains(c.wantError())) {
                return Outcome.fail("error text: want '" + c.wantError() + "' got '" + error.getMessage() + "'");
            }
            if (c.wantResult() == null) {
                return Outcome.pass();
            }
        }
        SetValue got = actual(c, rows);
        SetValue want = SetValue.of(c.wantResult());
        if (!got.equals(want)) {
            return Outcome.fail("result: want " + Json.write(want) + " got " + Json.write(got));
        }
        return Outcome.pass();
    }

    private static SetValue actual(TestCase c, List<Map<String, Value>> rows) {
        SetValue.Builder out = SetValue.builder();
        for (Map<String, Value> row : rows) {
            ObjectValue.Builder b = ObjectValue.builder();
            row.forEach((k, v) -> {
                if (c.ignoreGeneratedVars() && k.startsWith("__localq")) {
                    return;
                }
                Value j = Json.toJsonValue(v);
                if (c.sortBindings() && j instanceof ArrayValue a) {
                    List<Value> l = new ArrayList<>(a.elements());
                    l.sort(Values::compare);
                    j = ArrayValue.of(l);
                }
                b.put(k, j);
            });
            out.add(b.build());
        }
        return out.build();
    }
}
