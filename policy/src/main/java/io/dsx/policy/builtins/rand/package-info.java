/**
 * {@code rand.intn}: a pseudo-random integer from the query's injected random source, the same
 * for the same operands within one query (OPA caches per {@code (str, n)}).
 */
package io.dsx.policy.builtins.rand;
