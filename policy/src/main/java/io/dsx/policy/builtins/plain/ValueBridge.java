package io.dsx.policy.builtins.plain;

import io.dsx.policy.builtins.BuiltinFunction;

/**
 * Where the plain-value builtins meet the engine: {@link BuiltinFailure} turned into the engine's
 * {@code eval_builtin_error}. Values cross with {@link io.dsx.policy.value.PlainValues}.
 */
public final class ValueBridge {

    private ValueBridge() {}

    /** Wraps an implementation so an expected failure becomes {@code "<name>: <message>"}. */
    public static BuiltinFunction guarded(BuiltinFunction f) {
        return call -> {
            try {
                return f.apply(call);
            } catch (BuiltinFailure e) {
                throw call.error(e.getMessage());
            }
        };
    }
}
