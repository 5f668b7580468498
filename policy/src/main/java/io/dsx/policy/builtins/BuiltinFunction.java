package io.dsx.policy.builtins;

import io.dsx.policy.value.Value;

/**
 * One builtin implementation. Pure given its call: time, randomness and environment come only
 * from {@link BuiltinCall#context()}. Must be thread-safe (implementations are shared).
 */
@FunctionalInterface
public interface BuiltinFunction {

    /**
     * Evaluates the builtin.
     *
     * @return the result, or {@code null} when the result is undefined
     * @throws BuiltinException for operand type errors ({@code eval_type_error}) and other
     *     failures ({@code eval_builtin_error}); use {@link BuiltinCall#typeError} and
     *     {@link BuiltinCall#error}
     */
    Value apply(BuiltinCall call);
}
