/**
 * Support for the builtins that work on plain Java values (crypto, JWT, X.509, JSON Schema,
 * GraphQL, AWS signing, rand): the failure type they throw for an expected builtin error, the
 * one bridge between engine values and plain values, and JSON text read into and written from
 * plain values.
 *
 * <p>Plain values are {@code null}, {@link java.lang.Boolean}, {@link java.math.BigDecimal}
 * (every number), {@link java.lang.String}, {@link java.util.List} and
 * {@link java.util.Map} with string keys. The families never see the engine's value model;
 * one adapter converts at the boundary, so the families stay testable with JDK types alone.
 */
package io.dsx.policy.builtins.plain;
