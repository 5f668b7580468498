/** Builtins about Rego itself: parsing module text into OPA's AST JSON. */
package io.dsx.policy.builtins.rego;
