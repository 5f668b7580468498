/**
 * The builtin SPI and registry. A {@link io.dsx.policy.builtins.BuiltinFamily} registers
 * {@link io.dsx.policy.builtins.BuiltinFunction}s by name; families are found with
 * {@link java.util.ServiceLoader} (one line per family in
 * {@code META-INF/services/io.dsx.policy.builtins.BuiltinFamily}). Declarations (arity, types,
 * determinism) come from OPA's capabilities JSON and live apart from implementations in
 * {@link io.dsx.policy.builtins.BuiltinDeclarations}. Implementations receive their operands and
 * an injected {@link io.dsx.policy.builtins.BuiltinContext} (clock, randomness, environment,
 * strict mode, cancellation) through a {@link io.dsx.policy.builtins.BuiltinCall}. See SPI.md.
 */
package io.dsx.policy.builtins;
