/**
 * {@code graphql.*}: a GraphQL lexer, parser and validator that reproduce the behaviour OPA gets
 * from its vendored gqlparser: the same AST shape (Go field names, positions and empty members
 * pruned as OPA prunes them), the same error texts and locations, the same schema and query
 * validation rules. The AST is plain maps and lists, so ASTs passed back in as Rego objects are
 * validated by the same code.
 */
package io.dsx.policy.builtins.graphql;
