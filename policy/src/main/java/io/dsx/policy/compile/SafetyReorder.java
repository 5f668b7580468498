package io.dsx.policy.compile;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Stage "ReorderBodies": orders each body so every expression runs after the expressions that
 * bind the variables it needs (OPA's safety reordering). Among ready expressions, source order
 * wins. Expressions that can never be made safe keep their place; the evaluator reports them.
 */
final class SafetyReorder {
    private final ToIntFunction<String> arity;

    SafetyReorder(ToIntFunction<String> arity) {
        this.arity = arity;
    }

    List<Expr> body(List<Expr> body, Set<String> bound) {
        if (body.isEmpty()) {
            return body;
        }
        List<Expr> rest = new ArrayList<>(body);
        List<Expr> out = new ArrayList<>(body.size());
        Set<String> b = new HashSet<>(bound);
        while (!rest.isEmpty()) {
            int pick = 0;
            for (int k = 0; k < rest.size(); k++) {
                Set<String> others = others(rest, out, k, bound);
                if (b.containsAll(needs(rest.get(k), others))) {
                    pick = k;
                    break;
                }
            }
            Expr e = rest.remove(pick);
            out.add(nested(e, b));
            binds(e, b);
        }
        return out;
    }

    private static Set<String> others(List<Expr> rest, List<Expr> done, int except, Set<String> bound) {
        Set<String> s = new HashSet<>(bound);
        for (int k = 0; k < rest.size(); k++) {
            if (k != except) {
                Vars.collect(rest.get(k), s);
            }
        }
        for (Expr d : done) {
            Vars.collect(d, s);
        }
        return s;
    }

    private static void binds(Expr e, Set<String> b) {
        if (e instanceof Expr.Not || e instanceof Expr.Every) {
            return;
        }
        if (e instanceof Expr.With w) {
            binds(w.expr(), b);
            return;
        }
        Vars.collect(e, b);
    }

    Set<String> needs(Expr e, Set<String> others) {
        Set<String> s = new HashSet<>();
        needs(e, others, s);
        return s;
    }

    private void needs(Expr e, Set<String> others, Set<String> s) {
        if (e instanceof Expr.TermExpr t) {
            if (t.term() instanceof Term.Var v) {
                s.add(v.name());
            } else if (t.term() instanceof Term.Call c) {
                int n = arity.applyAsInt(c.operator());
                List<Term> args = c.args();
                int inputs = n >= 0 && args.size() > n ? n : args.size();
                for (int k = 0; k < inputs; k++) {
                    ins(args.get(k), false, others, s);
                }
                for (int k = inputs; k < args.size(); k++) {
                    ins(args.get(k), true, others, s);
                }
            } else {
                ins(t.term(), true, others, s);
            }
        } else if (e instanceof Expr.Unify u) {
            ins(u.lhs(), true, others, s);
            ins(u.rhs(), true, others, s);
        } else if (e instanceof Expr.Not n) {
            Set<String> all = new HashSet<>();
            Vars.collect(n.expr(), all);
            all.retainAll(others);
            s.addAll(all);
        } else if (e instanceof Expr.SomeIn si) {
            ins(si.collection(), true, others, s);
        } else if (e instanceof Expr.Every ev) {
            ins(ev.domain(), true, others, s);
            Set<String> all = new HashSet<>();
            ev.body().forEach(x -> Vars.collect(x, all));
            all.retainAll(others);
            s.addAll(all);
        } else if (e instanceof Expr.With w) {
            needs(w.expr(), others, s);
            w.mods().forEach(m -> ins(m.value(), false, others, s));
        } else if (e instanceof Expr.Logic l) {
            needs(l.lhs(), others, s);
            needs(l.rhs(), others, s);
        }
    }

    /** Variables of t that must be bound before t is evaluated. */
    private void ins(Term t, boolean pattern, Set<String> others, Set<String> s) {
        if (t instanceof Term.Var v) {
            if (!pattern) {
                s.add(v.name());
            }
        } else if (t instanceof Term.Ref r) {
            if (r.head() instanceof Term.Var v) {
                if (!v.name().equals("data") && !v.name().equals("input")) {
                    s.add(v.name());
                }
            } else {
                ins(r.head(), false, others, s);
            }
            r.path().forEach(p -> ins(p, true, others, s));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elems().forEach(x -> ins(x, pattern, others, s));
        } else if (t instanceof Term.ObjectTerm o) {
            o.entries().forEach(x -> {
                ins(x.key(), false, others, s);
                ins(x.value(), pattern, others, s);
            });
        } else if (t instanceof Term.SetTerm st) {
            st.elems().forEach(x -> ins(x, false, others, s));
        } else if (t instanceof Term.Call c) {
            c.args().forEach(x -> ins(x, false, others, s));
        } else if (t instanceof Term.Template tp) {
            tp.parts().forEach(p -> {
                if (p instanceof Term pt) {
                    ins(pt, false, others, s);
                }
            });
        } else if (t instanceof Term.ArrayCompr || t instanceof Term.SetCompr || t instanceof Term.ObjectCompr) {
            Set<String> all = new HashSet<>();
            Vars.collect(t, all);
            all.retainAll(others);
            s.addAll(all);
        }
    }

    /** Reorders bodies nested in e (comprehensions, every, not) given the vars bound before e. */
    private Expr nested(Expr e, Set<String> bound) {
        if (e instanceof Expr.TermExpr t) {
            return new Expr.TermExpr(term(t.term(), bound), t.loc());
        }
        if (e instanceof Expr.Unify u) {
            return new Expr.Unify(term(u.lhs(), bound), term(u.rhs(), bound), u.assign(), u.loc());
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(nested(n.expr(), bound), n.loc());
        }
        if (e instanceof Expr.SomeIn si) {
            return new Expr.SomeIn(si.key(), si.value(), term(si.collection(), bound), si.loc());
        }
        if (e instanceof Expr.Every ev) {
            Set<String> b = new HashSet<>(bound);
            if (ev.key() != null) {
                Vars.collect(ev.key(), b);
            }
            Vars.collect(ev.value(), b);
            return new Expr.Every(ev.key(), ev.value(), term(ev.domain(), bound), body(ev.body(), b), ev.loc());
        }
        if (e instanceof Expr.With w) {
            return new Expr.With(nested(w.expr(), bound), w.mods(), w.loc());
        }
        if (e instanceof Expr.Logic l) {
            return new Expr.Logic(l.and(), nested(l.lhs(), bound), nested(l.rhs(), bound), l.loc());
        }
        return e;
    }

    private Term term(Term t, Set<String> bound) {
        if (t instanceof Term.ArrayCompr c) {
            return new Term.ArrayCompr(c.term(), body(c.body(), bound), c.loc());
        }
        if (t instanceof Term.SetCompr c) {
            return new Term.SetCompr(c.term(), body(c.body(), bound), c.loc());
        }
        if (t instanceof Term.ObjectCompr c) {
            return new Term.ObjectCompr(c.key(), c.value(), body(c.body(), bound), c.loc());
        }
        if (t instanceof Term.Call c) {
            List<Term> args = new ArrayList<>();
            c.args().forEach(a -> args.add(term(a, bound)));
            return new Term.Call(c.operator(), args, c.loc());
        }
        if (t instanceof Term.ArrayTerm a) {
            List<Term> el = new ArrayList<>();
            a.elems().forEach(x -> el.add(term(x, bound)));
            return new Term.ArrayTerm(el, a.loc());
        }
        if (t instanceof Term.ObjectTerm o) {
            List<Term.Entry> el = new ArrayList<>();
            o.entries().forEach(x -> el.add(new Term.Entry(term(x.key(), bound), term(x.value(), bound))));
            return new Term.ObjectTerm(el, o.loc());
        }
        if (t instanceof Term.SetTerm st) {
            List<Term> el = new ArrayList<>();
            st.elems().forEach(x -> el.add(term(x, bound)));
            return new Term.SetTerm(el, st.loc());
        }
        if (t instanceof Term.Ref r) {
            List<Term> p = new ArrayList<>();
            r.path().forEach(x -> p.add(term(x, bound)));
            return new Term.Ref(term(r.head(), bound), p, r.loc());
        }
        if (t instanceof Term.Template tp) {
            List<Object> parts = new ArrayList<>();
            tp.parts().forEach(x -> parts.add(x instanceof Term pt ? term(pt, bound) : x));
            return new Term.Template(parts, tp.loc());
        }
        return t;
    }
}
