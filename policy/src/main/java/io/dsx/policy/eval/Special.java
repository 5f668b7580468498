package io.dsx.policy.eval;

import io.dsx.policy.ast.Term;
import io.dsx.policy.builtins.BuiltinContext;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Builtins that need the evaluator (walk, membership) and template strings. */
final class Special {
    private Special() {}

    /** {@code walk(x)}: every [path, value] pair, pre-order. */
    static boolean walk(Value root, VCont k) {
        return walk(root, new ArrayList<>(), k);
    }

    private static boolean walk(Value v, List<Value> path, VCont k) {
        if (!k.go(ArrayValue.of(ArrayValue.of(path), v))) {
            return false;
        }
        if (v instanceof ArrayValue a) {
            for (int i = 0; i < a.size(); i++) {
                path.add(NumberValue.of(i));
                boolean r = walk(a.get(i), path, k);
                path.remove(path.size() - 1);
                if (!r) {
                    return false;
                }
            }
        } else if (v instanceof ObjectValue o) {
            for (var e : o.entries().entrySet()) {
                path.add(e.getKey());
                boolean r = walk(e.getValue(), path, k);
                path.remove(path.size() - 1);
                if (!r) {
                    return false;
                }
            }
        } else if (v instanceof SetValue s) {
            for (Value e : s) {
                path.add(e);
                boolean r = walk(e, path, k);
                path.remove(path.size() - 1);
                if (!r) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Value walkValue(Value v) {
        return v;
    }

    /** {@code x in coll}. */
    static boolean member(Value x, Value coll) {
        if (coll instanceof ArrayValue a) {
            return a.elements().contains(x);
        }
        if (coll instanceof SetValue s) {
            return s.contains(x);
        }
        if (coll instanceof ObjectValue o) {
            return o.entries().containsValue(x);
        }
        return false;
    }

    /** {@code k, v in coll}. */
    static boolean member3(Value key, Value x, Value coll) {
        Value v = Evaluator.index(coll, key);
        return v != null && v.equals(x);
    }

    static Value runtime(BuiltinContext ctx) {
        ObjectValue.Builder env = ObjectValue.builder();
        ctx.env().forEach((k, v) -> env.put(k, StringValue.of(v)));
        return ObjectValue.builder().put("env", env.build()).build();
    }

    static Value template(Evaluator ev, Term.Template t, Frame f) {
        StringBuilder sb = new StringBuilder();
        for (Object p : t.parts()) {
            if (p instanceof String s) {
                sb.append(s);
                continue;
            }
            Value v = ev.first((Term) p, f);
            if (v == null) {
                sb.append("<undefined>");
            } else if (v instanceof StringValue s) {
                sb.append(s.value());
            } else {
                sb.append(v);
            }
        }
        return StringValue.of(sb.toString());
    }
}
