package io.dsx.policy.builtins.adapters;

import io.dsx.policy.builtins.BuiltinFunction;

/**
 * Wraps a builtin whose plain-Java helpers fail with {@link IllegalArgumentException} carrying Go's
 * error text, so that the failure becomes {@code eval_builtin_error "<name>: <text>"}.
 */
public final class Guarded {

    private Guarded() {}

    public static BuiltinFunction of(BuiltinFunction fn) {
        return call -> {
            try {
                return fn.apply(call);
            } catch (IllegalArgumentException e) {
                throw call.error(e.getMessage());
            }
        };
    }

    /** Whether {@code check} completes without throwing: the {@code *.is_valid} builtins. */
    public static boolean succeeds(Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
