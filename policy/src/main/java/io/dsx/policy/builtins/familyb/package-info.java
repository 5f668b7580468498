/**
 * Shared plain-Java support for the "family B" builtins (crypto, JWT, X.509, JSON Schema,
 * GraphQL, AWS signing, rand): the failure type every family throws for an expected builtin
 * error, and JSON text read into and written from plain Java values.
 *
 * <p>Plain values are {@code null}, {@link java.lang.Boolean}, {@link java.math.BigDecimal}
 * (every number), {@link java.lang.String}, {@link java.util.List} and
 * {@link java.util.Map} with string keys. The families never see the engine's value model;
 * one adapter converts at the boundary, so the families stay testable with JDK types alone.
 */
package io.dsx.policy.builtins.familyb;
