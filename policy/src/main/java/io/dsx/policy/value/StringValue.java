package io.dsx.policy.value;

/** A Rego string. Ordered by Unicode code point, as Go orders UTF-8 bytes. */
public final class StringValue implements Value {
    public static final StringValue EMPTY = new StringValue("");

    private final String value;
    private int hash;

    private StringValue(String value) {
        this.value = value;
    }

    public static StringValue of(String s) {
        return s.isEmpty() ? EMPTY : new StringValue(s);
    }

    public String value() {
        return value;
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }

    /** 0 not yet known, 1 no char at or above U+D800, 2 some (surrogates or U+E000..FFFF). */
    private byte high;

    private boolean hasHighChars() {
        byte h = high;
        if (h == 0) {
            h = 1;
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) >= '\uD800') {
                    h = 2;
                    break;
                }
            }
            high = h;
        }
        return h == 2;
    }

    int compareString(StringValue o) {
        String a = value;
        String b = o.value;
        if (!hasHighChars() || !o.hasHighChars()) {
            // UTF-16 order equals code-point order unless a surrogate meets a char >= U+E000,
            // which needs both strings to hold chars >= U+D800: String's (intrinsic) order is exact
            return a.compareTo(b);
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // surrogates (U+D800..DFFF) encode code points above every BMP char
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringValue s && (s == this || s.value.equals(value));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = value.hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return Json.quote(value);
    }
}
