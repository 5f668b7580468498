/** Lexer and recursive-descent parser for Rego v1 modules, queries and terms. */
package io.dsx.policy.parse;
