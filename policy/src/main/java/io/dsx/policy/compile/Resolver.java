package io.dsx.policy.compile;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage "ResolveRefs" and "RewriteLocalVars": rewrites rule names, imports and function names
 * into absolute refs ({@code p} becomes {@code data.pkg.p}) and gives variables declared in
 * nested bodies (comprehensions, {@code every}) fresh names so they shadow outer ones.
 */
final class Resolver {
    private final List<String> pkg;
    private final Set<String> ruleNames;
    private final Map<String, Term.Ref> imports;
    private final int[] counter;
    private final Set<String> functions;
    private final Annotations annotations;
    /** The rule being resolved (null in a query), for rego.metadata.* calls. */
    private Rule current;

    Resolver(
            List<String> pkg,
            Set<String> ruleNames,
            Map<String, Term.Ref> imports,
            int[] counter,
            Set<String> functions,
            Annotations annotations) {
        this.functions = functions;
        this.annotations = annotations;
        this.pkg = pkg;
        this.ruleNames = ruleNames;
        this.imports = imports;
        this.counter = counter;
    }

    Rule rule(Rule r) {
        current = r;
        try {
            return ruleIn(r);
        } finally {
            current = null;
        }
    }

    private Rule ruleIn(Rule r) {
        Scope scope = new Scope(null);
        if (r.args() != null) {
            for (Term a : r.args()) {
                Vars.collect(a, scope.declared);
            }
        }
        declareTopLevel(r.body(), scope);
        Term.Ref ref = headRef(r.ref(), scope);
        List<Term> args = r.args() == null ? null : terms(r.args(), scope);
        List<Expr> body = body(r.body(), scope);
        Term key = r.key() == null ? null : term(r.key(), scope);
        Term value = r.value() == null ? null : term(r.value(), scope);
        Rule elseRule = r.elseRule() == null ? null : ruleIn(r.elseRule());
        return new Rule(r.kind(), ref, args, key, value, r.isDefault(), body, elseRule, r.assign(), r.loc());
    }

    List<Expr> query(List<Expr> body) {
        Scope scope = new Scope(null);
        declareTopLevel(body, scope);
        return body(body, scope);
    }

    private Term.Ref headRef(Term.Ref ref, Scope scope) {
        Loc loc = ref.loc();
        List<Term> path = new ArrayList<>();
        for (String p : pkg) {
            path.add(new Term.Scalar(StringValue.of(p), loc));
        }
        path.add(new Term.Scalar(StringValue.of(((Term.Var) ref.head()).name()), loc));
        for (Term t : ref.path()) {
            path.add(term(t, scope));
        }
        return new Term.Ref(new Term.Var("data", loc), path, loc);
    }

    private static void declareTopLevel(List<Expr> body, Scope scope) {
        for (Expr e : body) {
            declared(e, scope.declared);
        }
    }

    /** Variables an expression declares in its own body: some, :=, some-in. */
    private static void declared(Expr e, Set<String> out) {
        if (e instanceof Expr.Some s) {
            s.vars().forEach(v -> out.add(v.name()));
        } else if (e instanceof Expr.Unify u && u.assign()) {
            Vars.collect(u.lhs(), out);
        } else if (e instanceof Expr.SomeIn s) {
            if (s.key() != null) {
                Vars.collect(s.key(), out);
            }
            Vars.collect(s.value(), out);
        } else if (e instanceof Expr.With w) {
            declared(w.expr(), out);
        }
    }

    private List<Expr> body(List<Expr> body, Scope scope) {
        List<Expr> out = new ArrayList<>(body.size());
        for (Expr e : body) {
            out.add(expr(e, scope));
        }
        return out;
    }

    /** A nested body: its declarations are renamed apart from the enclosing scope. */
    private Scope nested(Scope outer, List<Expr> body, List<Term> extraDeclared) {
        Scope s = new Scope(outer);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Expr e : body) {
            declared(e, names);
        }
        for (Term t : extraDeclared) {
            Vars.collect(t, names);
        }
        for (String n : names) {
            s.renames.put(n, n.startsWith("_$") ? n : n + "$" + (counter[0]++));
        }
        return s;
    }

    private Expr expr(Expr e, Scope scope) {
        if (e instanceof Expr.TermExpr t
                && t.term() instanceof Term.Call c
                && c.args().size() == 1) {
            Term meta = metadata(c.operator(), c.loc());
            if (meta != null) {
                return new Expr.Unify(term(c.args().get(0), scope), meta, false, t.loc());
            }
        }
        if (e instanceof Expr.TermExpr t) {
            return new Expr.TermExpr(term(t.term(), scope), t.loc());
        }
        if (e instanceof Expr.Unify u) {
            return new Expr.Unify(term(u.lhs(), scope), term(u.rhs(), scope), u.assign(), u.loc());
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(expr(n.expr(), scope), n.loc());
        }
        if (e instanceof Expr.Some s) {
            List<Term.Var> vars = new ArrayList<>();
            for (Term.Var v : s.vars()) {
                vars.add((Term.Var) term(v, scope));
            }
            return new Expr.Some(vars, s.loc());
        }
        if (e instanceof Expr.SomeIn s) {
            return new Expr.SomeIn(
                    s.key() == null ? null : term(s.key(), scope),
                    term(s.value(), scope),
                    term(s.collection(), scope),
                    s.loc());
        }
        if (e instanceof Expr.Every ev) {
            List<Term> decl = new ArrayList<>();
            if (ev.key() != null) {
                decl.add(ev.key());
            }
            decl.add(ev.value());
            Scope inner = nested(scope, ev.body(), decl);
            return new Expr.Every(
                    ev.key() == null ? null : term(ev.key(), inner),
                    term(ev.value(), inner),
                    term(ev.domain(), scope),
                    body(ev.body(), inner),
                    ev.loc());
        }
        if (e instanceof Expr.With w) {
            List<Expr.WithMod> mods = new ArrayList<>();
            for (Expr.WithMod m : w.mods()) {
                mods.add(new Expr.WithMod(withTarget(m.target(), scope), term(m.value(), scope)));
            }
            return new Expr.With(expr(w.expr(), scope), mods, w.loc());
        }
        // each operand of and/or is its own scope: its declarations do not escape
        Expr.Logic l = (Expr.Logic) e;
        return new Expr.Logic(
                l.and(),
                expr(l.lhs(), nested(scope, flatten(l.lhs()), List.of())),
                expr(l.rhs(), nested(scope, flatten(l.rhs()), List.of())),
                l.loc());
    }

    private static List<Expr> flatten(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Logic l && l.and()) {
            out.addAll(flatten(l.lhs()));
            out.addAll(flatten(l.rhs()));
        } else {
            out.add(e);
        }
        return out;
    }

    /** A with target: input/data refs, or a function/builtin name kept as a Call with no args. */
    private Term withTarget(Term t, Scope scope) {
        Term r = term(t, scope);
        String full = Vars.dotted(r);
        if (full != null && functions.contains(full)) {
            return new Term.Call(full, List.of(), t.loc());
        }
        if (r instanceof Term.Ref ref
                && ref.head() instanceof Term.Var v
                && (v.name().equals("data") || v.name().equals("input"))) {
            return r;
        }
        String name = Vars.dotted(t);
        if (name != null) {
            return new Term.Call(function(name), List.of(), t.loc());
        }
        return r;
    }

    List<Term> terms(List<Term> ts, Scope scope) {
        List<Term> out = new ArrayList<>(ts.size());
        for (Term t : ts) {
            out.add(term(t, scope));
        }
        return out;
    }

    Term term(Term t, Scope scope) {
        if (t instanceof Term.Scalar) {
            return t;
        }
        if (t instanceof Term.Var v) {
            return var(v, scope);
        }
        if (t instanceof Term.Ref r) {
            Term head = term(r.head(), scope);
            List<Term> path = terms(r.path(), scope);
            if (head instanceof Term.Ref hr) {
                List<Term> all = new ArrayList<>(hr.path());
                all.addAll(path);
                return new Term.Ref(hr.head(), all, r.loc());
            }
            return new Term.Ref(head, path, r.loc());
        }
        if (t instanceof Term.ArrayTerm a) {
            return new Term.ArrayTerm(terms(a.elems(), scope), a.loc());
        }
        if (t instanceof Term.SetTerm s) {
            return new Term.SetTerm(terms(s.elems(), scope), s.loc());
        }
        if (t instanceof Term.ObjectTerm o) {
            List<Term.Entry> es = new ArrayList<>();
            for (Term.Entry en : o.entries()) {
                es.add(new Term.Entry(term(en.key(), scope), term(en.value(), scope)));
            }
            return new Term.ObjectTerm(es, o.loc());
        }
        if (t instanceof Term.ArrayCompr c) {
            Scope inner = nested(scope, c.body(), List.of());
            List<Expr> b = body(c.body(), inner);
            return new Term.ArrayCompr(term(c.term(), inner), b, c.loc());
        }
        if (t instanceof Term.SetCompr c) {
            Scope inner = nested(scope, c.body(), List.of());
            List<Expr> b = body(c.body(), inner);
            return new Term.SetCompr(term(c.term(), inner), b, c.loc());
        }
        if (t instanceof Term.ObjectCompr c) {
            Scope inner = nested(scope, c.body(), List.of());
            List<Expr> b = body(c.body(), inner);
            return new Term.ObjectCompr(term(c.key(), inner), term(c.value(), inner), b, c.loc());
        }
        if (t instanceof Term.Call c) {
            Term meta = c.args().isEmpty() ? metadata(c.operator(), c.loc()) : null;
            if (meta != null) {
                return meta;
            }
            return new Term.Call(function(c.operator()), terms(c.args(), scope), c.loc());
        }
        Term.Template tp = (Term.Template) t;
        List<Object> parts = new ArrayList<>();
        for (Object p : tp.parts()) {
            parts.add(p instanceof Term pt ? term(pt, scope) : p);
        }
        return new Term.Template(parts, tp.loc());
    }

    /**
     * {@code rego.metadata.rule()} and {@code chain()} as constants of the rule being compiled
     * (OPA rewrites them the same way); null for any other call.
     */
    private Term metadata(String op, Loc loc) {
        if (op.equals("rego.metadata.rule")) {
            return new Term.Scalar(
                    current == null || annotations == null ? ObjectValue.EMPTY : annotations.rule(current), loc);
        }
        if (op.equals("rego.metadata.chain")) {
            return new Term.Scalar(
                    current == null || annotations == null ? ArrayValue.EMPTY : annotations.chain(pkg, current), loc);
        }
        return null;
    }

    private Term var(Term.Var v, Scope scope) {
        String local = scope.lookup(v.name());
        if (local != null) {
            return local.equals(v.name()) ? v : new Term.Var(local, v.loc());
        }
        String n = v.name();
        if (n.equals("data") || n.equals("input")) {
            return new Term.Ref(v, List.of(), v.loc());
        }
        Term.Ref imp = imports.get(n);
        if (imp != null) {
            return new Term.Ref(imp.head(), imp.path(), v.loc());
        }
        if (ruleNames.contains(n)) {
            return packageRef(n, v.loc());
        }
        return v;
    }

    private Term.Ref packageRef(String name, Loc loc) {
        List<Term> path = new ArrayList<>();
        for (String p : pkg) {
            path.add(new Term.Scalar(StringValue.of(p), loc));
        }
        path.add(new Term.Scalar(StringValue.of(name), loc));
        return new Term.Ref(new Term.Var("data", loc), path, loc);
    }

    /** Resolves a call operator: package functions and imports become "data.pkg.f". */
    private String function(String name) {
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        if (first.equals("data")) {
            return name;
        }
        Term.Ref imp = imports.get(first);
        if (imp != null) {
            return Vars.dotted(imp) + rest;
        }
        if (ruleNames.contains(first)) {
            return "data." + (pkg.isEmpty() ? "" : String.join(".", pkg) + ".") + name;
        }
        return name;
    }
}
