package io.dsx.policy.eval;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Term;
import java.util.Collection;

/** Names of the variables a query binds at its top level (not inside closures). */
final class QueryVars {
    private QueryVars() {}

    static void collect(Expr e, Collection<String> out) {
        if (e instanceof Expr.TermExpr t) {
            term(t.term(), out);
        } else if (e instanceof Expr.Unify u) {
            term(u.lhs(), out);
            term(u.rhs(), out);
        } else if (e instanceof Expr.Some s) {
            s.vars().forEach(v -> out.add(v.name()));
        } else if (e instanceof Expr.SomeIn s) {
            if (s.key() != null) {
                term(s.key(), out);
            }
            term(s.value(), out);
            term(s.collection(), out);
        } else if (e instanceof Expr.With w) {
            collect(w.expr(), out);
        } else if (e instanceof Expr.Logic l) {
            collect(l.lhs(), out);
            collect(l.rhs(), out);
        }
    }

    private static void term(Term t, Collection<String> out) {
        if (t instanceof Term.Var v) {
            out.add(v.name());
        } else if (t instanceof Term.Ref r) {
            term(r.head(), out);
            r.path().forEach(p -> term(p, out));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elems().forEach(x -> term(x, out));
        } else if (t instanceof Term.ObjectTerm o) {
            o.entries().forEach(x -> {
                term(x.key(), out);
                term(x.value(), out);
            });
        } else if (t instanceof Term.SetTerm s) {
            s.elems().forEach(x -> term(x, out));
        } else if (t instanceof Term.Call c) {
            c.args().forEach(x -> term(x, out));
        }
    }
}
