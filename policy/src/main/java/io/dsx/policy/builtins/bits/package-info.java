/** {@code bits.*}: bitwise operations on arbitrary-precision integers (two's complement semantics). */
package io.dsx.policy.builtins.bits;
