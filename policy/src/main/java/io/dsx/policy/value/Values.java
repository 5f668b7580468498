package io.dsx.policy.value;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** OPA's total order of values, and small constructors. */
public final class Values {
    private Values() {
    }

    /** Compares two values in OPA's order: null, boolean, number, string, array, object, set. */
    public static int compare(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        Value.Kind ka = a.kind();
        Value.Kind kb = b.kind();
        if (ka != kb) {
            return Integer.compare(ka.ordinal(), kb.ordinal());
        }
        return switch (ka) {
            case NULL -> 0;
            case BOOLEAN -> Boolean.compare(((BoolValue) a).value(), ((BoolValue) b).value());
            case NUMBER -> ((NumberValue) a).compareNumber((NumberValue) b);
            case STRING -> ((StringValue) a).compareString((StringValue) b);
            case ARRAY -> ((ArrayValue) a).compareArray((ArrayValue) b);
            case OBJECT -> ((ObjectValue) a).compareObject((ObjectValue) b);
            case SET -> ((SetValue) a).compareSet((SetValue) b);
        };
    }

    static int compareSorted(Iterator<Value> a, Iterator<Value> b) {
        while (a.hasNext() && b.hasNext()) {
            int c = compare(a.next(), b.next());
            if (c != 0) {
                return c;
            }
        }
        return a.hasNext() ? 1 : b.hasNext() ? -1 : 0;
    }

    /**
     * Whether v nests arrays, objects or sets deeper than max levels (a scalar is depth 0). Walks
     * with an explicit stack, so it cannot overflow however deep v is.
     */
    public static boolean deeperThan(Value v, int max) {
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {v, 0});
        while (!todo.isEmpty()) {
            Object[] top = todo.pop();
            Value cur = (Value) top[0];
            int d = (Integer) top[1];
            Iterable<Value> children;
            switch (cur.kind()) {
                case ARRAY -> children = ((ArrayValue) cur).elements();
                case SET -> children = (SetValue) cur;
                case OBJECT -> {
                    List<Value> kv = new ArrayList<>();
                    ((ObjectValue) cur).entries().forEach((k, val) -> {
                        kv.add(k);
                        kv.add(val);
                    });
                    children = kv;
                }
                default -> {
                    continue;
                }
            }
            if (d + 1 > max) {
                return true;
            }
            for (Value c : children) {
                if (c.kind() == Value.Kind.ARRAY || c.kind() == Value.Kind.SET || c.kind() == Value.Kind.OBJECT) {
                    todo.push(new Object[] {c, d + 1});
                }
            }
        }
        return false;
    }

    public static StringValue str(String s) {
        return StringValue.of(s);
    }

    public static NumberValue num(long n) {
        return NumberValue.of(n);
    }

    public static BoolValue bool(boolean b) {
        return BoolValue.of(b);
    }
}
