package io.dsx.policy.compile;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.parse.Parser;
import io.dsx.policy.value.ObjectValue;
import java.util.List;
import java.util.Map;

/**
 * The output of {@link Compiler}: the rule tree, functions by name ({@code "data.pkg.f"}) and
 * base data. Immutable; share it across threads and evaluate it any number of times.
 */
public final class CompiledPolicy {
    private final RuleNode root;
    private final Map<String, List<Rule>> functions;
    private final Map<String, Rule> defaultFunctions;
    private final ObjectValue data;
    private final List<Module> modules;
    private final Compiler compiler;
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> evalCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    CompiledPolicy(
            RuleNode root,
            Map<String, List<Rule>> functions,
            Map<String, Rule> defaultFunctions,
            ObjectValue data,
            List<Module> modules,
            Compiler compiler) {
        this.root = root;
        this.functions = functions;
        this.defaultFunctions = defaultFunctions;
        this.data = data;
        this.modules = List.copyOf(modules);
        this.compiler = compiler;
    }

    public RuleNode root() {
        return root;
    }

    /** The definitions of a function, or null. */
    public List<Rule> function(String name) {
        return functions.get(name);
    }

    public Rule defaultFunction(String name) {
        return defaultFunctions.get(name);
    }

    public boolean isFunction(String name) {
        return functions.containsKey(name) || defaultFunctions.containsKey(name);
    }

    /** Number of input operands of a function or builtin, or -1. */
    public int arity(String name) {
        return compiler.arity(name);
    }

    /**
     * A side table the evaluator uses to memoise facts derived from this policy alone (call
     * targets, where constant refs land in the rule tree). Values must be immutable.
     */
    public java.util.concurrent.ConcurrentHashMap<Object, Object> evalCache() {
        return evalCache;
    }

    public ObjectValue data() {
        return data;
    }

    public List<Module> modules() {
        return modules;
    }

    /**
     * Parses and compiles a query body against this policy.
     *
     * @throws io.dsx.policy.error.RegoException for parse and compile errors
     */
    public List<Expr> compileQuery(String query) {
        List<Expr> body = Parser.parseQuery(query);
        synchronized (compiler) {
            return compiler.query(body);
        }
    }
}
