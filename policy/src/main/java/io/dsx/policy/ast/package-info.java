/**
 * The Rego abstract syntax tree: terms, expressions, rules and modules, as the parser produces
 * them and the compiler rewrites them. Nodes are immutable records carrying a {@link
 * io.dsx.policy.ast.Loc source location}.
 */
package io.dsx.policy.ast;
