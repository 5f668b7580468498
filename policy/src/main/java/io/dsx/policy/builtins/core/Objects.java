package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** object.get, keys, remove, filter, union, union_n, subset. */
final class Objects {
    private Objects() {}

    static void register(BuiltinRegistrar r) {
        r.add("object.get", c -> {
            ObjectValue o = c.object(0);
            Value key = c.arg(1);
            if (key instanceof ArrayValue path) {
                Value cur = o;
                for (Value k : path.elements()) {
                    cur = step(cur, k);
                    if (cur == null) {
                        return c.arg(2);
                    }
                }
                return cur;
            }
            Value v = o.get(key);
            return v == null ? c.arg(2) : v;
        });
        r.add("object.keys", c -> SetValue.of(c.object(0).keys()));
        r.add("object.remove", c -> {
            ObjectValue o = c.object(0);
            ObjectValue.Builder b = ObjectValue.builder();
            List<Value> drop = keys(c, 1);
            o.entries().forEach((k, v) -> {
                if (!drop.contains(k)) {
                    b.put(k, v);
                }
            });
            return b.build();
        });
        r.add("object.filter", c -> {
            ObjectValue o = c.object(0);
            ObjectValue.Builder b = ObjectValue.builder();
            for (Value k : keys(c, 1)) {
                Value v = o.get(k);
                if (v != null) {
                    b.put(k, v);
                }
            }
            return b.build();
        });
        r.add("object.union", c -> union(c.object(0), c.object(1)));
        r.add("object.union_n", c -> {
            ObjectValue acc = ObjectValue.EMPTY;
            for (Value v : c.array(0).elements()) {
                if (!(v instanceof ObjectValue o)) {
                    throw c.typeError(0, "array of objects");
                }
                acc = union(acc, o);
            }
            return acc;
        });
        r.add("object.subset", c -> {
            Value sup = c.arg(0);
            Value sub = c.arg(1);
            if (!(sup instanceof ObjectValue || sup instanceof ArrayValue || sup instanceof SetValue)) {
                throw c.typeError(0, "array", "object", "set");
            }
            if (!(sub instanceof ObjectValue || sub instanceof ArrayValue || sub instanceof SetValue)) {
                throw c.typeError(1, "array", "object", "set");
            }
            if (sup instanceof SetValue && sub instanceof ArrayValue
                    || sup.kind() != sub.kind() && !(sup instanceof ArrayValue && sub instanceof SetValue)) {
                throw c.error("both arguments must be of the same type or array and set");
            }
            return BoolValue.of(subset(sup, sub));
        });
    }

    private static Value step(Value cur, Value k) {
        if (cur instanceof ObjectValue o) {
            return o.get(k);
        }
        if (cur instanceof ArrayValue a && k instanceof io.dsx.policy.value.NumberValue n && n.isLong()) {
            long i = n.longValue();
            return i >= 0 && i < a.size() ? a.get((int) i) : null;
        }
        if (cur instanceof SetValue s) {
            return s.contains(k) ? k : null;
        }
        return null;
    }

    static List<Value> keys(BuiltinCall c, int i) {
        Value v = c.arg(i);
        if (v instanceof ArrayValue a) {
            return a.elements();
        }
        if (v instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        if (v instanceof ObjectValue o) {
            return new ArrayList<>(o.keys());
        }
        throw c.typeError(i, "object", "set", "array");
    }

    static ObjectValue union(ObjectValue a, ObjectValue b) {
        ObjectValue.Builder out = ObjectValue.builder();
        a.entries().forEach(out::put);
        b.entries().forEach((k, v) -> {
            Value prev = a.get(k);
            if (prev instanceof ObjectValue po && v instanceof ObjectValue vo) {
                out.put(k, union(po, vo));
            } else {
                out.put(k, v);
            }
        });
        return out.build();
    }

    private static boolean subset(Value sup, Value sub) {
        if (sup instanceof ObjectValue po && sub instanceof ObjectValue so) {
            for (var e : so.entries().entrySet()) {
                Value pv = po.get(e.getKey());
                if (pv == null) {
                    return false;
                }
                if (pv instanceof ObjectValue || pv instanceof SetValue || pv instanceof ArrayValue) {
                    if (pv.kind() == e.getValue().kind()) {
                        if (!subset(pv, e.getValue())) {
                            return false;
                        }
                        continue;
                    }
                }
                if (!pv.equals(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (sup instanceof SetValue ps && sub instanceof SetValue ss) {
            return ps.elements().containsAll(ss.elements());
        }
        if (sup instanceof ArrayValue pa && sub instanceof SetValue ss) {
            return pa.elements().containsAll(ss.elements());
        }
        if (sup instanceof ArrayValue pa && sub instanceof ArrayValue sa) {
            List<Value> a = pa.elements();
            List<Value> b = sa.elements();
            if (b.isEmpty()) {
                return true;
            }
            for (int i = 0; i + b.size() <= a.size(); i++) {
                if (a.subList(i, i + b.size()).equals(b)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }
}
