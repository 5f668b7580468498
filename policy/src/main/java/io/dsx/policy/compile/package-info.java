/**
 * The Rego compiler: an ordered list of named stages (see {@link io.dsx.policy.compile.Compiler})
 * that resolve names to absolute refs, rename nested locals, check functions and conflicts,
 * reorder bodies for safety and index rules into a tree by their ground head prefix. The result,
 * {@link io.dsx.policy.compile.CompiledPolicy}, is immutable and shared across threads.
 */
package io.dsx.policy.compile;
