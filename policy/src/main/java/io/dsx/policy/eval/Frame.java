package io.dsx.policy.eval;

import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;

/** Variable bindings of one rule activation, with a trail so backtracking can undo them. */
final class Frame {
    private final HashMap<String, Value> vars = new HashMap<>();
    private final ArrayList<String> trail = new ArrayList<>();

    Value get(String name) {
        return vars.get(name);
    }

    void bind(String name, Value v) {
        vars.put(name, v);
        trail.add(name);
    }

    int mark() {
        return trail.size();
    }

    void undo(int mark) {
        for (int k = trail.size() - 1; k >= mark; k--) {
            vars.remove(trail.remove(k));
        }
    }

    HashMap<String, Value> snapshot() {
        return new HashMap<>(vars);
    }
}
