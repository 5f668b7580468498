package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;

/** Registers every core builtin. */
public final class CoreFamily implements BuiltinFamily {
    @Override
    public void register(BuiltinRegistrar r) {
        Comparison.register(r);
        Arithmetic.register(r);
        Aggregates.register(r);
        Types.register(r);
        Arrays.register(r);
        Objects.register(r);
        JsonPaths.register(r);
        Graphs.register(r);
    }
}
