package io.dsx.policy.value;

/** {@code true} or {@code false}; use the two constants. */
public final class BoolValue implements Value {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    private final boolean value;

    private BoolValue(boolean value) {
        this.value = value;
    }

    public static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public boolean value() {
        return value;
    }

    @Override
    public Kind kind() {
        return Kind.BOOLEAN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoolValue b && b.value == value;
    }

    @Override
    public int hashCode() {
        return value ? 1231 : 1237;
    }

    @Override
    public String toString() {
        return value ? "true" : "false";
    }
}
