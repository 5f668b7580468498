package io.dsx.policy.value;

import java.util.Iterator;

/** OPA's total order of values, and small constructors. */
public final class Values {
    private Values() {}

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
     * How deeply v nests arrays, objects and sets (a scalar is 0, {@code [1]} is 1). Each
     * container records its depth when built, so this is constant time however deep v is.
     */
    public static int depthOf(Value v) {
        if (v instanceof ArrayValue a) {
            return a.depth;
        }
        if (v instanceof ObjectValue o) {
            return o.depth;
        }
        if (v instanceof SetValue s) {
            return s.depth;
        }
        return 0;
    }

    /** Whether v nests arrays, objects or sets deeper than max levels. */
    public static boolean deeperThan(Value v, int max) {
        return depthOf(v) > max;
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
