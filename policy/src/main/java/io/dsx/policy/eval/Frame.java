package io.dsx.policy.eval;

import io.dsx.policy.value.Value;
import java.util.Arrays;

/**
 * Variable bindings of one rule activation. Bindings form a stack: binding pushes, backtracking
 * truncates to a mark, so no separate trail is needed. Variable names are interned (see
 * {@code Term.Var}), so lookup compares references; bodies bind few variables, so a linear scan
 * from the top beats hashing.
 */
final class Frame {
    private static final String[] NO_NAMES = {};
    private static final Value[] NO_VALS = {};

    // allocated on the first binding: many rule bodies bind nothing
    private String[] names = NO_NAMES;
    private Value[] vals = NO_VALS;
    private int n;

    Value get(String name) {
        for (int i = n - 1; i >= 0; i--) {
            if (names[i] == name) {
                return vals[i];
            }
        }
        return null;
    }

    void bind(String name, Value v) {
        if (n == names.length) {
            int cap = n == 0 ? 4 : n * 2;
            names = Arrays.copyOf(names, cap);
            vals = Arrays.copyOf(vals, cap);
        }
        names[n] = name;
        vals[n++] = v;
    }

    int mark() {
        return n;
    }

    void undo(int mark) {
        for (int i = mark; i < n; i++) {
            names[i] = null;
            vals[i] = null;
        }
        n = Math.min(n, mark);
    }
}
