package io.dsx.policy.compile;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Term;
import java.util.function.Consumer;

/** Visits every call term inside a term or expression. */
final class Calls {
    private Calls() {}

    static void forEach(Term t, Consumer<Term.Call> f) {
        if (t instanceof Term.Call c) {
            f.accept(c);
            c.args().forEach(a -> forEach(a, f));
        } else if (t instanceof Term.Ref r) {
            forEach(r.head(), f);
            r.path().forEach(p -> forEach(p, f));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elems().forEach(e -> forEach(e, f));
        } else if (t instanceof Term.SetTerm s) {
            s.elems().forEach(e -> forEach(e, f));
        } else if (t instanceof Term.ObjectTerm o) {
            o.entries().forEach(e -> {
                forEach(e.key(), f);
                forEach(e.value(), f);
            });
        } else if (t instanceof Term.ArrayCompr c) {
            forEach(c.term(), f);
            c.body().forEach(e -> forEach(e, f));
        } else if (t instanceof Term.SetCompr c) {
            forEach(c.term(), f);
            c.body().forEach(e -> forEach(e, f));
        } else if (t instanceof Term.ObjectCompr c) {
            forEach(c.key(), f);
            forEach(c.value(), f);
            c.body().forEach(e -> forEach(e, f));
        } else if (t instanceof Term.Template tp) {
            tp.parts().forEach(p -> {
                if (p instanceof Term pt) {
                    forEach(pt, f);
                }
            });
        }
    }

    static void forEach(Expr e, Consumer<Term.Call> f) {
        if (e instanceof Expr.TermExpr t) {
            forEach(t.term(), f);
        } else if (e instanceof Expr.Unify u) {
            forEach(u.lhs(), f);
            forEach(u.rhs(), f);
        } else if (e instanceof Expr.Not n) {
            forEach(n.expr(), f);
        } else if (e instanceof Expr.SomeIn s) {
            forEach(s.collection(), f);
        } else if (e instanceof Expr.Every ev) {
            forEach(ev.domain(), f);
            ev.body().forEach(b -> forEach(b, f));
        } else if (e instanceof Expr.With w) {
            forEach(w.expr(), f);
            w.mods().forEach(m -> forEach(m.value(), f));
        } else if (e instanceof Expr.Logic l) {
            forEach(l.lhs(), f);
            forEach(l.rhs(), f);
        }
    }
}
