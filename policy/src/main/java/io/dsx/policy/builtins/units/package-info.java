/**
 * The {@code units.parse} and {@code units.parse_bytes} builtins: quantities with decimal (k, M, G...)
 * and binary (Ki, Mi, Gi...) suffixes, following OPA's Go implementation exactly, including its error
 * texts. Plain Java on {@link java.math.BigDecimal}/{@link java.math.BigInteger}.
 */
package io.dsx.policy.builtins.units;
