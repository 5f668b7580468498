package io.dsx.policy.compile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Variables declared in a body and renames of nested declarations, chained to the outer scope. */
final class Scope {
    final Scope parent;
    final Set<String> declared = new HashSet<>();
    final Map<String, String> renames = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    /** The local name of v, or null when v is not a declared local. */
    String lookup(String v) {
        for (Scope s = this; s != null; s = s.parent) {
            String r = s.renames.get(v);
            if (r != null) {
                return r;
            }
            if (s.declared.contains(v)) {
                return v;
            }
        }
        return null;
    }
}
