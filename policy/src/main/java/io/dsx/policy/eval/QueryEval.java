package io.dsx.policy.eval;

import io.dsx.policy.Limits;
import io.dsx.policy.ast.Expr;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.compile.CompiledPolicy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.Value;
import io.dsx.policy.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a compiled query: every solution, as bindings of the query's named variables. */
public final class QueryEval {
    private QueryEval() {}

    /**
     * Runs query against policy and returns one row per solution (variable name to value;
     * compiler-generated and wildcard variables omitted).
     *
     * @throws RegoException on conflicts, limits, or (in strict mode) the first builtin error
     */
    public static List<Map<String, Value>> run(
            CompiledPolicy policy, BuiltinRegistry registry, List<Expr> query, EvalOptions options) {
        if (options.input() != null && Values.deeperThan(options.input(), Limits.MAX_VALUE_DEPTH)) {
            throw new RegoException(
                    RegoException.Code.EVAL_LIMIT,
                    "input nested deeper than " + Limits.MAX_VALUE_DEPTH + " levels",
                    null);
        }
        Evaluator ev = new Evaluator(policy, registry, options);
        Set<String> names = queryVars(policy, query);
        List<Map<String, Value>> rows = new ArrayList<>();
        Frame f = new Frame();
        try {
            ev.body(query, 0, f, () -> {
                Map<String, Value> row = new LinkedHashMap<>();
                for (String n : names) {
                    Value v = f.get(n);
                    if (v != null) {
                        row.put(n, v);
                    }
                }
                rows.add(row);
                ev.checkSize(rows.size(), null);
                return true;
            });
        } catch (StackOverflowError so) {
            throw new RegoException(RegoException.Code.EVAL_LIMIT, "evaluation too deep (stack exhausted)", null);
        }
        if (options.strictBuiltinErrors() && ev.firstBuiltinError != null) {
            throw new PartialResultException(ev.firstBuiltinError, rows);
        }
        return rows;
    }

    /** Whether the evaluator itself implements the builtin name (walk, print, membership, ...). */
    public static boolean evaluatesItself(String name) {
        return Evaluator.special(name) != 0;
    }

    /** The query's output variables, memoised per compiled query. */
    @SuppressWarnings("unchecked")
    private static Set<String> queryVars(CompiledPolicy policy, List<Expr> query) {
        Object key = new IdentityKey(query);
        Object cached = policy.evalCache().get(key);
        if (cached == null) {
            Set<String> names = new LinkedHashSet<>();
            for (Expr e : query) {
                QueryVars.collect(e, names);
            }
            names.removeIf(n -> n.contains("$") || n.equals("data") || n.equals("input"));
            cached = java.util.Collections.unmodifiableSet(names);
            policy.evalCache().putIfAbsent(key, cached);
        }
        return (Set<String>) cached;
    }

    /** Strict mode: the first builtin error, with the solutions found before it. */
    public static final class PartialResultException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RegoException error;
        private final transient List<Map<String, Value>> rows;

        PartialResultException(RegoException error, List<Map<String, Value>> rows) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.rows = rows;
        }

        public RegoException error() {
            return error;
        }

        public List<Map<String, Value>> rows() {
            return rows;
        }
    }
}
