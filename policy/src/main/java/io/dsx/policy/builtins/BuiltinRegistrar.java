package io.dsx.policy.builtins;

/** Receives builtin implementations from a {@link BuiltinFamily}. */
public interface BuiltinRegistrar {

    /**
     * Registers fn under its OPA name ({@code "units.parse"}). The name must be declared in the
     * capabilities; registering a name twice fails.
     */
    void add(String name, BuiltinFunction fn);
}
