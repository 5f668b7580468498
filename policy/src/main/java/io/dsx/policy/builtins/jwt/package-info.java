/**
 * {@code io.jwt.*}: decoding, signature verification (HS, RS, PS, ES, EdDSA), full
 * {@code decode_verify} with its constraints, and signing from JWKs. Follows OPA's
 * {@code topdown/tokens.go}: a failed signature or constraint is a {@code false} result, a
 * malformed token or key is a {@link io.dsx.policy.builtins.plain.BuiltinFailure}.
 *
 * <p>Keys come from PEM (certificate or SubjectPublicKeyInfo) or from a JWK / JWK set and are
 * turned into JDK key objects; nothing here logs or echoes key material.
 */
package io.dsx.policy.builtins.jwt;
