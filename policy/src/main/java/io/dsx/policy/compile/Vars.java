package io.dsx.policy.compile;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Term;
import io.dsx.policy.value.StringValue;
import java.util.Collection;

/** Variable collection over terms and expressions. */
final class Vars {
    private Vars() {}

    /** Every variable in t, including inside comprehensions. */
    static void collect(Term t, Collection<String> out) {
        if (t instanceof Term.Var v) {
            out.add(v.name());
        } else if (t instanceof Term.Ref r) {
            if (!(r.head() instanceof Term.Var hv
                    && (hv.name().equals("data") || hv.name().equals("input")))) {
                collect(r.head(), out);
            }
            r.path().forEach(p -> collect(p, out));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elems().forEach(e -> collect(e, out));
        } else if (t instanceof Term.SetTerm s) {
            s.elems().forEach(e -> collect(e, out));
        } else if (t instanceof Term.ObjectTerm o) {
            o.entries().forEach(e -> {
                collect(e.key(), out);
                collect(e.value(), out);
            });
        } else if (t instanceof Term.ArrayCompr c) {
            collect(c.term(), out);
            c.body().forEach(e -> collect(e, out));
        } else if (t instanceof Term.SetCompr c) {
            collect(c.term(), out);
            c.body().forEach(e -> collect(e, out));
        } else if (t instanceof Term.ObjectCompr c) {
            collect(c.key(), out);
            collect(c.value(), out);
            c.body().forEach(e -> collect(e, out));
        } else if (t instanceof Term.Call c) {
            c.args().forEach(a -> collect(a, out));
        } else if (t instanceof Term.Template tp) {
            tp.parts().forEach(p -> {
                if (p instanceof Term pt) {
                    collect(pt, out);
                }
            });
        }
    }

    static void collect(Expr e, Collection<String> out) {
        if (e instanceof Expr.TermExpr t) {
            collect(t.term(), out);
        } else if (e instanceof Expr.Unify u) {
            collect(u.lhs(), out);
            collect(u.rhs(), out);
        } else if (e instanceof Expr.Not n) {
            collect(n.expr(), out);
        } else if (e instanceof Expr.Some s) {
            s.vars().forEach(v -> out.add(v.name()));
        } else if (e instanceof Expr.SomeIn s) {
            if (s.key() != null) {
                collect(s.key(), out);
            }
            collect(s.value(), out);
            collect(s.collection(), out);
        } else if (e instanceof Expr.Every ev) {
            if (ev.key() != null) {
                collect(ev.key(), out);
            }
            collect(ev.value(), out);
            collect(ev.domain(), out);
            ev.body().forEach(b -> collect(b, out));
        } else if (e instanceof Expr.With w) {
            collect(w.expr(), out);
            w.mods().forEach(m -> collect(m.value(), out));
        } else if (e instanceof Expr.Logic l) {
            collect(l.lhs(), out);
            collect(l.rhs(), out);
        }
    }

    /** "a.b.c" for a var or a ref of string keys, else null. */
    static String dotted(Term t) {
        if (t instanceof Term.Var v) {
            return v.name();
        }
        if (t instanceof Term.Ref r) {
            String h = dotted(r.head());
            if (h == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder(h);
            for (Term p : r.path()) {
                if (!(p instanceof Term.Scalar s && s.value() instanceof StringValue sv)) {
                    return null;
                }
                sb.append('.').append(sv.value());
            }
            return sb.toString();
        }
        if (t instanceof Term.Call c && c.args().isEmpty()) {
            return c.operator();
        }
        return null;
    }
}
