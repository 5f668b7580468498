package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import io.dsx.policy.value.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** count, sum, product, max, min, sort, all, any, intersection, union. */
final class Aggregates {
    private Aggregates() {}

    static void register(BuiltinRegistrar r) {
        r.add("count", Aggregates::count);
        r.add("sum", c -> {
            BigDecimal s = BigDecimal.ZERO;
            for (Value v : collection(c)) {
                s = s.add(number(c, v).toBigDecimal());
            }
            return NumberValue.of(s);
        });
        r.add("product", c -> {
            BigDecimal s = BigDecimal.ONE;
            for (Value v : collection(c)) {
                s = s.multiply(number(c, v).toBigDecimal());
            }
            return NumberValue.of(s);
        });
        r.add("max", c -> extreme(c, 1));
        r.add("min", c -> extreme(c, -1));
        r.add("sort", c -> {
            if (c.arg(0) instanceof SetValue s) {
                return ArrayValue.of(s.elements());
            }
            List<Value> xs = new ArrayList<>(collection(c));
            xs.sort(Values::compare);
            return ArrayValue.of(xs);
        });
        r.add("all", c -> {
            for (Value v : collection(c)) {
                if (v != BoolValue.TRUE) {
                    return BoolValue.FALSE;
                }
            }
            return BoolValue.TRUE;
        });
        r.add("any", c -> {
            for (Value v : collection(c)) {
                if (v == BoolValue.TRUE) {
                    return BoolValue.TRUE;
                }
            }
            return BoolValue.FALSE;
        });
        r.add("intersection", c -> {
            SetValue acc = null;
            for (Value v : c.set(0)) {
                if (!(v instanceof SetValue s)) {
                    throw c.typeError(0, "set of sets");
                }
                acc = acc == null ? s : acc.intersection(s);
            }
            return acc == null ? SetValue.EMPTY : acc;
        });
        r.add("union", c -> {
            SetValue acc = SetValue.EMPTY;
            for (Value v : c.set(0)) {
                if (!(v instanceof SetValue s)) {
                    throw c.typeError(0, "set of sets");
                }
                acc = acc.union(s);
            }
            return acc;
        });
    }

    private static Value count(BuiltinCall c) {
        Value v = c.arg(0);
        if (v instanceof StringValue s) {
            return NumberValue.of(s.value().codePointCount(0, s.value().length()));
        }
        if (v instanceof ArrayValue a) {
            return NumberValue.of(a.size());
        }
        if (v instanceof SetValue s) {
            return NumberValue.of(s.size());
        }
        if (v instanceof ObjectValue o) {
            return NumberValue.of(o.size());
        }
        throw c.typeError(0, "array", "object", "set", "string");
    }

    static List<Value> collection(BuiltinCall c) {
        Value v = c.arg(0);
        if (v instanceof ArrayValue a) {
            return a.elements();
        }
        if (v instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        throw c.typeError(0, "array", "set");
    }

    private static NumberValue number(BuiltinCall c, Value v) {
        if (v instanceof NumberValue n) {
            return n;
        }
        throw c.typeError(0, "array", "set");
    }

    private static Value extreme(BuiltinCall c, int sign) {
        Value best = null;
        for (Value v : collection(c)) {
            if (best == null || Values.compare(v, best) * sign > 0) {
                best = v;
            }
        }
        return best;
    }
}
