/**
 * OPA's value model: null, boolean, arbitrary-precision number, string, array, set and object
 * (with keys of any type). Values are immutable; {@link io.dsx.policy.value.Value#compareTo}
 * is OPA's total order (null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set),
 * and equality/hash agree with it ({@code 1 == 1.0}). {@link io.dsx.policy.value.Json} converts
 * to and from JSON without losing precision.
 */
package io.dsx.policy.value;
