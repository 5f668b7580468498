package io.dsx.policy.builtins;

/**
 * A group of builtin implementations (strings, crypto, ...). Implementations need a public
 * no-argument constructor and a line in {@code META-INF/services/io.dsx.policy.builtins.BuiltinFamily}.
 */
public interface BuiltinFamily {

    /** Registers every builtin of the family. Called once per registry. */
    void register(BuiltinRegistrar registrar);
}
