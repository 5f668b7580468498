package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.Value;

/** array.concat, array.slice, array.reverse. */
final class Arrays {
    private Arrays() {}

    /** One level, as OPA's array.flatten: [[1], [[2]]] gives [1, [2]]. */
    private static void flatten(ArrayValue a, java.util.List<Value> out) {
        for (Value v : a.elements()) {
            if (v instanceof ArrayValue inner) {
                out.addAll(inner.elements());
            } else {
                out.add(v);
            }
        }
    }

    static void register(BuiltinRegistrar r) {
        r.add("array.concat", c -> {
            ArrayValue a = c.array(0);
            ArrayValue b = c.array(1);
            Value[] out = new Value[a.size() + b.size()];
            for (int i = 0; i < a.size(); i++) {
                out[i] = a.get(i);
            }
            for (int i = 0; i < b.size(); i++) {
                out[a.size() + i] = b.get(i);
            }
            return ArrayValue.wrap(out);
        });
        r.add("array.slice", c -> {
            ArrayValue a = c.array(0);
            long from = Math.max(0, c.number(1).isLong() ? c.number(1).longValue() : 0);
            long to = Math.min(a.size(), c.number(2).isLong() ? c.number(2).longValue() : a.size());
            if (from >= to) {
                return ArrayValue.EMPTY;
            }
            return ArrayValue.of(a.elements().subList((int) from, (int) to));
        });
        r.add("array.flatten", c -> {
            java.util.List<Value> out = new java.util.ArrayList<>();
            flatten(c.array(0), out);
            return ArrayValue.of(out);
        });
        r.add("array.reverse", c -> {
            ArrayValue a = c.array(0);
            Value[] out = new Value[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(out.length - 1 - i);
            }
            return ArrayValue.wrap(out);
        });
    }
}
