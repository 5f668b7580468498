package io.dsx.policy.eval;

import io.dsx.policy.ast.Loc;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Building documents: setting values at paths, accumulating partial rules' outputs. */
final class Docs {
    private Docs() {}

    /** A copy of root with path[i..] set to v, creating objects along the way. */
    static Value set(Value root, List<Value> path, int i, Value v) {
        if (i == path.size()) {
            return v;
        }
        ObjectValue o = root instanceof ObjectValue ov ? ov : ObjectValue.EMPTY;
        Value key = path.get(i);
        return o.with(key, set(o.get(key), path, i + 1, v));
    }

    /** Merges two documents: objects key by key, sets by union; other differing values conflict. */
    static Value mergeDeep(Value a, Value b, Loc loc) {
        return mergeDeep(a, b, loc, v -> false);
    }

    /**
     * As {@link #mergeDeep(Value, Value, Loc)}, but a value some rule assigned whole (a leaf, say
     * {@code p[q].r := {"s": 1}}) is never merged into: another rule writing inside it conflicts,
     * as in OPA.
     */
    static Value mergeDeep(Value a, Value b, Loc loc, java.util.function.Predicate<Value> leaf) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof ObjectValue x && b instanceof ObjectValue y && !leaf.test(a) && !leaf.test(b)) {
            ObjectValue.Builder out = ObjectValue.builder();
            x.entries().forEach(out::put);
            y.entries().forEach((k, v) -> {
                Value prev = out.get(k);
                out.put(k, prev == null ? v : mergeDeep(prev, v, loc, leaf));
            });
            return out.build();
        }
        if (a instanceof SetValue x && b instanceof SetValue y) {
            return x.union(y);
        }
        throw Builder.conflict(loc);
    }

    /** Accumulates the output of partial rules into a nested object (sets at the leaves of contains rules). */
    static final class Builder {
        private final TreeMap<Value, Object> root = new TreeMap<>();
        private SetValue.Builder rootSet;

        void add(List<Value> keys, Value v, boolean multi, Loc loc) {
            if (keys.isEmpty()) {
                if (rootSet == null) {
                    rootSet = SetValue.builder();
                }
                rootSet.add(v);
                return;
            }
            TreeMap<Value, Object> m = root;
            for (int i = 0; i < keys.size() - 1; i++) {
                Object next = m.get(keys.get(i));
                if (!(next instanceof TreeMap)) {
                    if (next != null) {
                        throw conflict(loc);
                    }
                    next = new TreeMap<Value, Object>();
                    m.put(keys.get(i), next);
                }
                @SuppressWarnings("unchecked")
                TreeMap<Value, Object> nm = (TreeMap<Value, Object>) next;
                m = nm;
            }
            Value last = keys.get(keys.size() - 1);
            Object cur = m.get(last);
            if (multi) {
                if (cur == null) {
                    cur = SetValue.builder();
                    m.put(last, cur);
                } else if (!(cur instanceof SetValue.Builder)) {
                    throw conflict(loc);
                }
                ((SetValue.Builder) cur).add(v);
            } else if (cur == null) {
                m.put(last, v);
            } else if (!v.equals(cur)) {
                throw conflict(loc);
            }
        }

        static RegoException conflict(Loc loc) {
            return new RegoException(RegoException.Code.EVAL_CONFLICT, "object keys must be unique", loc);
        }

        Value build(boolean set) {
            if (set && root.isEmpty()) {
                return rootSet == null ? SetValue.EMPTY : rootSet.build();
            }
            return toValue(root);
        }

        @SuppressWarnings("unchecked")
        private static Value toValue(TreeMap<Value, Object> m) {
            ObjectValue.Builder b = ObjectValue.builder();
            for (Map.Entry<Value, Object> e : m.entrySet()) {
                Object v = e.getValue();
                Value val = v instanceof TreeMap
                        ? toValue((TreeMap<Value, Object>) v)
                        : v instanceof SetValue.Builder sb ? sb.build() : (Value) v;
                b.put(e.getKey(), val);
            }
            return b.build();
        }
    }
}
