package io.dsx.policy;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Module;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.compile.CompiledPolicy;
import io.dsx.policy.compile.Compiler;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.eval.QueryEval;
import io.dsx.policy.parse.Parser;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import io.dsx.policy.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled policy: immutable and safe to share across threads. Queries are compiled once and
 * cached by text.
 */
public final class Policy {
    private static final int QUERY_CACHE_MAX = 1024;

    private final CompiledPolicy compiled;
    private final String revision;
    private final BuiltinRegistry registry;
    private final Map<String, List<Expr>> queries = new ConcurrentHashMap<>();
    /** evalRef's query text per ref, so its (cached) hash is computed once. */
    private final Map<String, String> refQueries = new ConcurrentHashMap<>();

    private Policy(CompiledPolicy compiled, String revision, BuiltinRegistry registry) {
        this.compiled = compiled;
        this.revision = revision;
        this.registry = registry;
    }

    /**
     * Parses and compiles modules (file name to source) with base data.
     *
     * @throws RegoException rego_parse_error, rego_compile_error, rego_type_error, ...
     */
    public static Policy compile(Map<String, String> modules, ObjectValue data) {
        return compile(modules, data, BuiltinRegistry.standard());
    }

    /**
     * As {@link #compile(Map, ObjectValue)} with the given builtin implementations; calling a
     * declared builtin that registry does not implement is a rego_compile_error naming it.
     */
    public static Policy compile(Map<String, String> modules, ObjectValue data, BuiltinRegistry registry) {
        if (data != null && Values.deeperThan(data, Limits.MAX_VALUE_DEPTH)) {
            throw new RegoException(
                    RegoException.Code.COMPILE, "data nested deeper than " + Limits.MAX_VALUE_DEPTH + " levels", null);
        }
        List<Module> parsed = new ArrayList<>();
        try {
            modules.forEach((file, src) -> parsed.add(Parser.parseModule(src, file)));
            return new Policy(Compiler.compile(parsed, data, implementedBy(registry)), null, registry);
        } catch (StackOverflowError e) {
            // a backstop: Limits bounds nesting well inside a default stack; a smaller stack may still run out
            throw new RegoException(
                    RegoException.Code.COMPILE, "policy too deeply nested to compile" + " (stack exhausted)", null);
        }
    }

    /** Which builtins registry (with the evaluator's own: walk, print, ...) implements. */
    public static java.util.function.Predicate<String> implementedBy(BuiltinRegistry registry) {
        return name -> registry.get(name) != null || QueryEval.evaluatesItself(name);
    }

    /** Compiles a bundle's modules and data; the policy carries the bundle's revision. */
    public static Policy fromBundle(Bundle bundle) {
        Policy p = compile(bundle.modules(), bundle.data());
        return new Policy(p.compiled, bundle.revision(), p.registry);
    }

    /**
     * Whether a rule (or base data) defines the document at the dotted path under data, such as
     * {@code dsx.read.decision}; decided from the compiled rule tree without evaluating.
     */
    public boolean defines(String dottedPath) {
        io.dsx.policy.compile.RuleNode node = compiled.root();
        Value base = compiled.data();
        for (String seg : dottedPath.split("\\.")) {
            node = node == null ? null : node.child(seg);
            base = base instanceof ObjectValue o ? o.get(seg) : null;
        }
        return base != null
                || (node != null
                        && (node.hasRules()
                                || node.defaultRule() != null
                                || !node.children().isEmpty()));
    }

    /** The bundle revision ({@code sha256:...}), or null when not built from a bundle. */
    public String revision() {
        return revision;
    }

    /**
     * Evaluates a query and returns every solution (variable to value).
     *
     * @throws RegoException for compile errors in the query and evaluation errors (conflicts,
     *     limits, timeouts, strict builtin errors)
     */
    public List<Map<String, Value>> eval(String query, EvalOptions options) {
        List<Expr> q = queries.get(query);
        if (q == null) {
            q = compiled.compileQuery(query);
            if (queries.size() < QUERY_CACHE_MAX) {
                queries.put(query, q);
            }
        }
        try {
            return QueryEval.run(compiled, registry, q, options);
        } catch (QueryEval.PartialResultException e) {
            throw e.error();
        }
    }

    /** The value of a ref query such as {@code data.dsx.read.decision}, or null when undefined. */
    public Value evalRef(String ref, EvalOptions options) {
        String query = refQueries.get(ref);
        if (query == null) {
            query = "__result__ = " + ref;
            if (refQueries.size() < QUERY_CACHE_MAX) {
                refQueries.put(ref, query);
            }
        }
        List<Map<String, Value>> rows = eval(query, options);
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() > 1) {
            throw new RegoException(RegoException.Code.EVAL_CONFLICT, ref + " produced multiple results", null);
        }
        return rows.get(0).get("__result__");
    }
}
