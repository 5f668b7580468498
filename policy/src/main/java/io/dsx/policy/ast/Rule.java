package io.dsx.policy.ast;

import java.util.List;

/**
 * One rule definition. The head is a ref relative to the package until the compiler makes it
 * absolute ({@code data.pkg.p}); {@code args} is non-null for functions.
 *
 * @param kind how the head contributes to the document
 * @param ref the head ref: name plus path (ground prefix, then possibly variable keys)
 * @param args function parameters, or null
 * @param key the element for {@code contains} rules, else null
 * @param value the value term (true when omitted)
 * @param body the body (empty for facts)
 * @param elseRule the next rule of an else chain, or null
 */
public record Rule(
        Kind kind,
        Term.Ref ref,
        List<Term> args,
        Term key,
        Term value,
        boolean isDefault,
        List<Expr> body,
        Rule elseRule,
        boolean assign,
        Loc loc) {

    public enum Kind {
        /** {@code p := v}, {@code p.q[k] := v}, functions. */
        SINGLE,
        /** {@code p contains x}. */
        MULTI
    }

    public Rule withRef(Term.Ref r) {
        return new Rule(kind, r, args, key, value, isDefault, body, elseRule, assign, loc);
    }

    public Rule withParts(List<Term> a, Term k, Term v, List<Expr> b, Rule e) {
        return new Rule(kind, ref, a, k, v, isDefault, b, e, assign, loc);
    }
}
