package io.dsx.policy.compile;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.builtins.BuiltinDeclaration;
import io.dsx.policy.builtins.BuiltinDeclarations;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Compiles parsed modules into a {@link CompiledPolicy} through named stages, in order (as OPA's
 * {@code compile.go}): ResolveRefs (with RewriteLocalVars), BuildRuleTree, CheckRuleConflicts,
 * CheckFunctions, ReorderBodies. The first failing stage stops compilation with its errors.
 */
public final class Compiler {
    private final BuiltinDeclarations decls = BuiltinDeclarations.standard();
    private final Predicate<String> implemented;
    private final int[] counter = new int[1];
    private final RuleNode root = new RuleNode("data", 0);
    private final Map<String, List<Rule>> functions = new LinkedHashMap<>();
    private final Map<String, Rule> defaultFunctions = new HashMap<>();
    private final Map<String, Integer> arities = new HashMap<>();
    private List<Rule> rules = new ArrayList<>();
    private final Set<String> functionNames = new HashSet<>();
    private final List<List<String>> packages = new ArrayList<>();
    private Annotations annotations;

    private record Stage(String name, Consumer<List<Module>> run) {}

    private Compiler(Predicate<String> implemented) {
        this.implemented = implemented;
    }

    /**
     * Compiles modules (each with a distinct file name) and base data. A call of a declared
     * builtin for which implemented is false is a rego_compile_error naming it: OPA knows every
     * builtin it declares, so a policy must never evaluate an unimplemented one as undefined.
     *
     * @throws RegoException with a rego_* code when a stage fails
     */
    public static CompiledPolicy compile(List<Module> modules, ObjectValue data, Predicate<String> implemented) {
        Compiler c = new Compiler(implemented);
        List<Stage> stages = List.of(
                new Stage("ResolveRefs", c::resolve),
                new Stage("BuildRuleTree", ms -> c.buildTree()),
                new Stage("CheckFunctions", ms -> c.checkCalls()),
                new Stage("ReorderBodies", ms -> c.reorder()));
        for (Stage s : stages) {
            s.run().accept(modules);
        }
        c.root.freeze();
        return new CompiledPolicy(
                c.root,
                Map.copyOf(c.functions),
                Map.copyOf(c.defaultFunctions),
                data == null ? ObjectValue.EMPTY : data,
                modules,
                c);
    }

    // ---- ResolveRefs --------------------------------------------------------------------

    private void resolve(List<Module> modules) {
        annotations = Annotations.of(modules);
        Map<List<String>, Set<String>> names = new HashMap<>();
        for (Module m : modules) {
            Set<String> s = names.computeIfAbsent(m.pkg(), k -> new HashSet<>());
            for (Rule r : m.rules()) {
                String name = ((Term.Var) r.ref().head()).name();
                s.add(name);
                if (r.args() != null) {
                    String dotted = Vars.dotted(r.ref());
                    functionNames.add("data." + (m.pkg().isEmpty() ? "" : String.join(".", m.pkg()) + ".")
                            + (dotted == null ? name : dotted));
                }
            }
        }
        for (Module m : modules) {
            packages.add(m.pkg());
            Map<String, Term.Ref> imports = new HashMap<>();
            for (Module.Import im : m.imports()) {
                String root = Vars.dotted(im.ref().head());
                if ("data".equals(root) || "input".equals(root)) {
                    imports.put(im.alias(), im.ref());
                } else if (!"future".equals(root) && !"rego".equals(root)) {
                    throw new RegoException(
                            RegoException.Code.COMPILE,
                            "invalid import " + im.ref() + ": must begin with input or data",
                            im.loc());
                }
            }
            Resolver res = new Resolver(m.pkg(), names.get(m.pkg()), imports, counter, functionNames, annotations);
            for (Rule r : m.rules()) {
                rules.add(res.rule(r));
            }
        }
    }

    // ---- BuildRuleTree / CheckRuleConflicts -----------------------------------------------

    private void buildTree() {
        for (List<String> pkg : packages) {
            RuleNode n = root;
            for (String seg : pkg) {
                n = n.childOrCreate(seg);
            }
        }
        for (Rule r : rules) {
            List<Term> path = r.ref().path();
            if (r.args() != null) {
                addFunction(r);
                continue;
            }
            RuleNode node = root;
            int k = 0;
            while (k < path.size()
                    && path.get(k) instanceof Term.Scalar s
                    && s.value() instanceof StringValue sv
                    && !(r.kind() == Rule.Kind.MULTI && k == path.size() - 1 && false)) {
                node = node.childOrCreate(sv.value());
                k++;
            }
            if (r.isDefault()) {
                if (node.defaultRule() != null) {
                    throw new RegoException(
                            RegoException.Code.TYPE,
                            "multiple default rules " + Vars.dotted(r.ref()) + " found",
                            r.loc());
                }
                node.setDefault(r);
            } else {
                node.add(r);
            }
        }
        checkConflicts(root);
    }

    private void addFunction(Rule r) {
        String name = Vars.dotted(r.ref());
        if (name == null) {
            throw new RegoException(RegoException.Code.COMPILE, "function name must be ground", r.loc());
        }
        Integer prev = arities.putIfAbsent(name, r.args().size());
        if (prev != null && prev != r.args().size()) {
            throw new RegoException(RegoException.Code.TYPE, "conflicting rules " + name + " found", r.loc());
        }
        if (r.isDefault()) {
            defaultFunctions.put(name, r);
        } else {
            functions.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        // the function's package still shows up as a (possibly empty) document
        RuleNode node = root;
        List<Term> path = r.ref().path();
        for (int k = 0; k < path.size() - 1; k++) {
            node = node.childOrCreate(((StringValue) ((Term.Scalar) path.get(k)).value()).value());
        }
    }

    private void checkConflicts(RuleNode node) {
        boolean multi = false;
        boolean single = false;
        for (Rule r : node.rules()) {
            int rem = r.ref().path().size() - node.depth();
            if (r.kind() == Rule.Kind.MULTI) {
                multi = true;
            } else if (rem == 0) {
                single = true;
            }
        }
        if (multi && single) {
            throw new RegoException(
                    RegoException.Code.TYPE,
                    "conflicting rules " + Vars.dotted(node.rules().get(0).ref()) + " found",
                    node.rules().get(0).loc());
        }
        node.children().values().forEach(this::checkConflicts);
    }

    // ---- CheckFunctions -----------------------------------------------------------------

    private void checkCalls() {
        for (Rule r : rules) {
            for (Rule x = r; x != null; x = x.elseRule()) {
                List<Term> all = new ArrayList<>();
                if (x.args() != null) {
                    all.addAll(x.args());
                }
                if (x.key() != null) {
                    all.add(x.key());
                }
                if (x.value() != null) {
                    all.add(x.value());
                }
                all.addAll(x.ref().path());
                all.forEach(this::checkCalls);
                x.body().forEach(this::checkCalls);
            }
        }
    }

    void checkCalls(Expr e) {
        Calls.forEach(e, this::checkCall);
    }

    private void checkCalls(Term t) {
        Calls.forEach(t, this::checkCall);
    }

    private void checkCall(Term.Call c) {
        int n = arity(c.operator());
        if (n < 0) {
            throw new RegoException(RegoException.Code.TYPE, "undefined function " + c.operator(), c.loc());
        }
        if (!arities.containsKey(c.operator()) && !implemented.test(c.operator())) {
            throw new RegoException(
                    RegoException.Code.COMPILE, "builtin " + c.operator() + " is not implemented by dsx", c.loc());
        }
        BuiltinDeclaration d = arities.containsKey(c.operator()) ? null : decls.get(c.operator());
        boolean variadic = d != null && d.variadic();
        if (!variadic
                && c.args().size() != n
                && c.args().size() != n + 1
                && !c.args().isEmpty()) {
            throw new RegoException(
                    RegoException.Code.TYPE,
                    "function " + c.operator() + " has arity " + n + ", got "
                            + c.args().size() + " arguments",
                    c.loc());
        }
    }

    /** Number of input operands of a builtin or function, or -1 if unknown. */
    int arity(String name) {
        Integer a = arities.get(name);
        if (a != null) {
            return a;
        }
        BuiltinDeclaration d = decls.get(name);
        if (d != null) {
            return d.arity();
        }
        if (name.startsWith("data.")) {
            // a call of a (possibly overridden) function that does not exist here
            return -1;
        }
        return -1;
    }

    // ---- ReorderBodies ------------------------------------------------------------------

    private void reorder() {
        SafetyReorder so = new SafetyReorder(this::arity);
        Map<Rule, Rule> done = new HashMap<>();
        for (Rule r : rules) {
            done.put(r, reorder(r, so));
        }
        replace(root, done);
        functions.replaceAll((k, v) -> v.stream().map(done::get).toList());
        defaultFunctions.replaceAll((k, v) -> done.get(v));
    }

    private Rule reorder(Rule r, SafetyReorder so) {
        if (r == null) {
            return null;
        }
        Set<String> bound = new HashSet<>();
        if (r.args() != null) {
            r.args().forEach(a -> Vars.collect(a, bound));
        }
        return r.withParts(r.args(), r.key(), r.value(), so.body(r.body(), bound), reorder(r.elseRule(), so));
    }

    private static void replace(RuleNode node, Map<Rule, Rule> done) {
        node.rules().replaceAll(done::get);
        if (node.defaultRule() != null) {
            node.setDefault(done.get(node.defaultRule()));
        }
        node.children().values().forEach(c -> replace(c, done));
    }

    /** Compiles a query against this policy's functions. */
    List<Expr> query(List<Expr> body) {
        Resolver res = new Resolver(List.of(), Set.of(), Map.of(), counter, functionNames, null);
        List<Expr> resolved = res.query(body);
        resolved.forEach(this::checkCalls);
        return new SafetyReorder(this::arity).body(resolved, Set.of());
    }

    static Loc none() {
        return Loc.NONE;
    }
}
