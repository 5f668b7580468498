package io.dsx.policy.value;

/** The JSON/Rego {@code null}. */
public final class NullValue implements Value {
    public static final NullValue INSTANCE = new NullValue();

    private NullValue() {}

    @Override
    public Kind kind() {
        return Kind.NULL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NullValue;
    }

    @Override
    public int hashCode() {
        return 0x6e756c;
    }

    @Override
    public String toString() {
        return "null";
    }
}
