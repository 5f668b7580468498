package io.dsx.policy.ast;

import java.util.List;

/** One expression (literal) of a rule body or query. */
public sealed interface Expr {
    Loc loc();

    /** A term evaluated for truth: a ref, a call ({@code x > 1}, {@code count(a, n)}) or a value. */
    record TermExpr(Term term, Loc loc) implements Expr {}

    /** {@code lhs = rhs} (unify) or {@code lhs := rhs} (assign, declares vars in lhs). */
    record Unify(Term lhs, Term rhs, boolean assign, Loc loc) implements Expr {}

    record Not(Expr expr, Loc loc) implements Expr {}

    /** {@code some x, y}: declares local variables. */
    record Some(List<Term.Var> vars, Loc loc) implements Expr {}

    /** {@code some k, v in coll} (key null for {@code some v in coll}). */
    record SomeIn(Term key, Term value, Term collection, Loc loc) implements Expr {}

    /** {@code every k, v in domain { body }} (key may be null). */
    record Every(Term key, Term value, Term domain, List<Expr> body, Loc loc) implements Expr {}

    /** {@code expr with target as value ...}. */
    record With(Expr expr, List<WithMod> mods, Loc loc) implements Expr {}

    record WithMod(Term target, Term value) {}

    /** The experimental {@code and} / {@code or} operators between expressions. */
    record Logic(boolean and, Expr lhs, Expr rhs, Loc loc) implements Expr {}
}
