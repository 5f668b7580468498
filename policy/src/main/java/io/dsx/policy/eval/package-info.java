/**
 * Top-down evaluation of compiled Rego with unification and backtracking, in continuation-passing
 * style: every evaluation step takes a continuation and returns false to stop enumeration.
 * Virtual documents (rules) and base documents share {@code data}; results of rules are cached
 * per query (a fresh cache inside each {@code with}). Limits: a deadline, a step budget and a
 * size cap on collections built, checked as evaluation proceeds.
 */
package io.dsx.policy.eval;
