package io.dsx.policy.parse;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed module as OPA's AST JSON ({@code rego.parse_module}): package, imports and rules with
 * terms as {@code {"type": ..., "value": ...}}. Covers the shapes policies inspect (package path,
 * import paths, rule heads, body expressions); locations are left out.
 */
public final class AstJson {
    private AstJson() {}

    /** The module's AST as OPA serialises it. */
    public static ObjectValue module(Module m) {
        List<Value> pkg = new ArrayList<>();
        pkg.add(term("var", StringValue.of("data")));
        m.pkg().forEach(p -> pkg.add(term("string", StringValue.of(p))));
        ObjectValue.Builder b = ObjectValue.builder()
                .put(
                        "package",
                        ObjectValue.builder().put("path", ArrayValue.of(pkg)).build());
        if (!m.imports().isEmpty()) {
            List<Value> imps = new ArrayList<>();
            m.imports()
                    .forEach(im -> imps.add(
                            ObjectValue.builder().put("path", term(im.ref())).build()));
            b.put("imports", ArrayValue.of(imps));
        }
        if (!m.rules().isEmpty()) {
            List<Value> rules = new ArrayList<>();
            m.rules().forEach(r -> rules.add(rule(r)));
            b.put("rules", ArrayValue.of(rules));
        }
        return b.build();
    }

    private static Value rule(Rule r) {
        ObjectValue.Builder head = ObjectValue.builder()
                .put("name", StringValue.of(((Term.Var) r.ref().head()).name()))
                .put("ref", refParts(r.ref()));
        if (r.args() != null) {
            head.put("args", terms(r.args()));
        }
        if (r.key() != null) {
            head.put("key", term(r.key()));
        }
        if (r.value() != null) {
            head.put("value", term(r.value()));
        }
        if (r.assign()) {
            head.put("assign", BoolValue.TRUE);
        }
        ObjectValue.Builder b = ObjectValue.builder().put("head", head.build()).put("body", body(r.body()));
        if (r.isDefault()) {
            b.put("default", BoolValue.TRUE);
        }
        if (r.elseRule() != null) {
            b.put("else", rule(r.elseRule()));
        }
        return b.build();
    }

    private static Value body(List<Expr> body) {
        List<Value> out = new ArrayList<>();
        if (body.isEmpty()) {
            out.add(expr(new Expr.TermExpr(new Term.Scalar(BoolValue.TRUE, null), null), 0));
        }
        for (int i = 0; i < body.size(); i++) {
            out.add(expr(body.get(i), i));
        }
        return ArrayValue.of(out);
    }

    private static Value expr(Expr e, int index) {
        ObjectValue.Builder b = ObjectValue.builder().put("index", NumberValue.of(index));
        if (e instanceof Expr.Not n) {
            return ObjectValue.builder()
                    .put("index", NumberValue.of(index))
                    .put("negated", BoolValue.TRUE)
                    .put("terms", ((ObjectValue) expr(n.expr(), index)).get("terms"))
                    .build();
        }
        if (e instanceof Expr.TermExpr t) {
            b.put("terms", t.term() instanceof Term.Call c ? callTerms(c.operator(), c.args()) : term(t.term()));
        } else if (e instanceof Expr.Unify u) {
            b.put("terms", callTerms(u.assign() ? "assign" : "eq", List.of(u.lhs(), u.rhs())));
        } else if (e instanceof Expr.With w) {
            b = ObjectValue.builder()
                    .put("index", NumberValue.of(index))
                    .put("terms", ((ObjectValue) expr(w.expr(), index)).get("terms"));
            List<Value> mods = new ArrayList<>();
            w.mods()
                    .forEach(m -> mods.add(ObjectValue.builder()
                            .put("target", term(m.target()))
                            .put("value", term(m.value()))
                            .build()));
            b.put("with", ArrayValue.of(mods));
        } else {
            b.put(
                    "terms",
                    term("string", StringValue.of(e.getClass().getSimpleName().toLowerCase())));
        }
        return b.build();
    }

    private static Value callTerms(String op, List<Term> args) {
        List<Value> out = new ArrayList<>();
        out.add(term(nameRef(op)));
        args.forEach(a -> out.add(term(a)));
        return ArrayValue.of(out);
    }

    private static Term.Ref nameRef(String dotted) {
        String[] parts = dotted.split("\\.");
        List<Term> path = new ArrayList<>();
        for (int k = 1; k < parts.length; k++) {
            path.add(new Term.Scalar(StringValue.of(parts[k]), null));
        }
        return new Term.Ref(new Term.Var(parts[0], null), path, null);
    }

    private static Value refParts(Term.Ref r) {
        List<Value> out = new ArrayList<>();
        out.add(term(r.head()));
        r.path().forEach(p -> out.add(term(p)));
        return ArrayValue.of(out);
    }

    private static Value terms(List<Term> ts) {
        List<Value> out = new ArrayList<>();
        ts.forEach(t -> out.add(term(t)));
        return ArrayValue.of(out);
    }

    private static Value term(String type, Value value) {
        return ObjectValue.builder()
                .put("type", StringValue.of(type))
                .put("value", value)
                .build();
    }

    static Value term(Term t) {
        if (t instanceof Term.Scalar s) {
            return term(
                    switch (s.value().kind()) {
                        case NULL -> "null";
                        case BOOLEAN -> "boolean";
                        case NUMBER -> "number";
                        case STRING -> "string";
                        default -> s.value().kind().name().toLowerCase();
                    },
                    s.value());
        }
        if (t instanceof Term.Var v) {
            return term("var", StringValue.of(v.name()));
        }
        if (t instanceof Term.Ref r) {
            return term("ref", refParts(r));
        }
        if (t instanceof Term.ArrayTerm a) {
            return term("array", terms(a.elems()));
        }
        if (t instanceof Term.SetTerm s) {
            return term("set", terms(s.elems()));
        }
        if (t instanceof Term.ObjectTerm o) {
            List<Value> es = new ArrayList<>();
            o.entries().forEach(e -> es.add(ArrayValue.of(term(e.key()), term(e.value()))));
            return term("object", ArrayValue.of(es));
        }
        if (t instanceof Term.Call c) {
            return term("call", callTerms(c.operator(), c.args()));
        }
        if (t instanceof Term.ArrayCompr c) {
            return term(
                    "arraycomprehension",
                    ObjectValue.builder()
                            .put("term", term(c.term()))
                            .put("body", body(c.body()))
                            .build());
        }
        if (t instanceof Term.SetCompr c) {
            return term(
                    "setcomprehension",
                    ObjectValue.builder()
                            .put("term", term(c.term()))
                            .put("body", body(c.body()))
                            .build());
        }
        if (t instanceof Term.ObjectCompr c) {
            return term(
                    "objectcomprehension",
                    ObjectValue.builder()
                            .put("key", term(c.key()))
                            .put("value", term(c.value()))
                            .put("body", body(c.body()))
                            .build());
        }
        return term("templatestring", StringValue.of(t.toString()));
    }
}
