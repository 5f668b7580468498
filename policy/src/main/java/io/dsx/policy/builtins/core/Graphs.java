package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** graph.reachable and graph.reachable_paths over adjacency objects. */
final class Graphs {
    private Graphs() {}

    static void register(BuiltinRegistrar r) {
        r.add("graph.reachable", Graphs::reachable);
        r.add("graph.reachable_paths", Graphs::paths);
    }

    private static List<Value> edges(ObjectValue g, Value node) {
        Value e = g.get(node);
        if (e instanceof ArrayValue a) {
            return a.elements();
        }
        if (e instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        return List.of();
    }

    private static Value reachable(BuiltinCall c) {
        ObjectValue g = c.object(0);
        SetValue.Builder seen = SetValue.builder();
        Deque<Value> todo = new ArrayDeque<>(Objects.keys(c, 1));
        while (!todo.isEmpty()) {
            Value n = todo.pop();
            if (seen.contains(n) || g.get(n) == null) {
                continue;
            }
            seen.add(n);
            for (Value e : edges(g, n)) {
                if (!seen.contains(e)) {
                    todo.push(e);
                }
            }
        }
        return seen.build();
    }

    private static Value paths(BuiltinCall c) {
        ObjectValue g = c.object(0);
        SetValue.Builder out = SetValue.builder();
        for (Value start : Objects.keys(c, 1)) {
            if (g.get(start) != null) {
                walk(g, new ArrayList<>(List.of(start)), out);
            }
        }
        return out.build();
    }

    private static void walk(ObjectValue g, List<Value> path, SetValue.Builder out) {
        Value last = path.get(path.size() - 1);
        boolean extended = false;
        for (Value e : edges(g, last)) {
            if (path.contains(e) || g.get(e) == null) {
                continue;
            }
            extended = true;
            path.add(e);
            walk(g, path, out);
            path.remove(path.size() - 1);
        }
        if (!extended) {
            out.add(ArrayValue.of(path));
        }
    }
}
