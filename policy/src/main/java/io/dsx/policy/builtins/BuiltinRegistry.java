package io.dsx.policy.builtins;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The builtin implementations available to the evaluator: every {@link BuiltinFamily} found by
 * {@link ServiceLoader}, checked against {@link BuiltinDeclarations}. Immutable once built.
 */
public final class BuiltinRegistry {
    private static volatile BuiltinRegistry standard;

    private final Map<String, BuiltinFunction> impls;

    private BuiltinRegistry(Map<String, BuiltinFunction> impls) {
        this.impls = Collections.unmodifiableMap(impls);
    }

    /** The registry of every family on the class path, built once. */
    public static BuiltinRegistry standard() {
        BuiltinRegistry r = standard;
        if (r == null) {
            synchronized (BuiltinRegistry.class) {
                r = standard;
                if (r == null) {
                    r = of(loadFamilies());
                    standard = r;
                }
            }
        }
        return r;
    }

    /** The standard families plus extra ones (a test harness's). */
    public static BuiltinRegistry standardWith(BuiltinFamily... extra) {
        java.util.List<BuiltinFamily> all = loadFamilies();
        all.addAll(java.util.List.of(extra));
        return of(all);
    }

    /** Every family ServiceLoader can instantiate; a broken provider line is skipped, not fatal. */
    private static java.util.List<BuiltinFamily> loadFamilies() {
        java.util.List<BuiltinFamily> out = new java.util.ArrayList<>();
        var it = ServiceLoader.load(BuiltinFamily.class, BuiltinRegistry.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                out.add(it.next());
            } catch (java.util.ServiceConfigurationError e) {
                System.getLogger(BuiltinRegistry.class.getName())
                        .log(System.Logger.Level.WARNING, "skipping builtin family: " + e.getMessage());
            }
        }
    }

    /**
     * A registry of the given families.
     *
     * @throws IllegalStateException when a name is undeclared or registered twice
     */
    public static BuiltinRegistry of(Iterable<? extends BuiltinFamily> families) {
        Map<String, BuiltinFunction> m = new HashMap<>();
        BuiltinDeclarations decls = BuiltinDeclarations.standard();
        for (BuiltinFamily f : families) {
            f.register((name, fn) -> {
                if (decls.get(name) == null) {
                    throw new IllegalStateException(f.getClass().getName() + " registers undeclared builtin " + name);
                }
                if (m.putIfAbsent(name, fn) != null) {
                    throw new IllegalStateException("builtin " + name + " registered twice (again by "
                            + f.getClass().getName() + ")");
                }
            });
        }
        return new BuiltinRegistry(m);
    }

    /** The implementation of name, or null. */
    public BuiltinFunction get(String name) {
        return impls.get(name);
    }

    /** Names of every registered builtin. */
    public java.util.Set<String> names() {
        return impls.keySet();
    }
}
