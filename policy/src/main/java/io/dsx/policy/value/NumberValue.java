package io.dsx.policy.value;

import io.dsx.policy.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An arbitrary-precision Rego number. Integers that fit a {@code long} take a fast path; every
 * other number is a {@link BigDecimal} without trailing zeros, so equal numbers ({@code 1},
 * {@code 1.0}) have one representation and one hash.
 */
public final class NumberValue implements Value {
    private static final NumberValue[] SMALL = new NumberValue[256];
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new NumberValue(i - 128L, null);
        }
    }

    public static final NumberValue ZERO = of(0);
    public static final NumberValue ONE = of(1);

    private final long small;
    /** null when the value is {@link #small}; otherwise stripped of trailing zeros. */
    private final BigDecimal big;

    private NumberValue(long small, BigDecimal big) {
        this.small = small;
        this.big = big;
    }

    public static NumberValue of(long v) {
        if (v >= -128 && v < 128) {
            return SMALL[(int) v + 128];
        }
        return new NumberValue(v, null);
    }

    public static NumberValue of(BigInteger v) {
        if (v.bitLength() < 64) {
            return of(v.longValue());
        }
        return of(new BigDecimal(v));
    }

    public static NumberValue of(BigDecimal v) {
        if (v.signum() == 0) {
            return ZERO;
        }
        BigDecimal s = v.scale() > 0 || v.precision() < 19 ? v.stripTrailingZeros() : v;
        if ((long) s.precision() - s.scale() > Limits.MAX_NUMBER_DIGITS || s.scale() > Limits.MAX_NUMBER_DIGITS) {
            throw new ArithmeticException("number out of range (more than " + Limits.MAX_NUMBER_DIGITS
                    + " digits before or after the point)");
        }
        if (s.scale() <= 0 && s.compareTo(LONG_MIN) >= 0 && s.compareTo(LONG_MAX) <= 0) {
            return of(s.longValueExact());
        }
        return new NumberValue(0, s.scale() < 0 && s.scale() > -40 ? s.setScale(0) : s);
    }

    /**
     * A double as a number; NaN and infinities are not numbers in Rego.
     *
     * @throws ArithmeticException for NaN or infinite values
     */
    public static NumberValue of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ArithmeticException("not a finite number: " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return of((long) d);
        }
        return of(new BigDecimal(Double.toString(d)));
    }

    /**
     * Parses a JSON/Rego number literal.
     *
     * @throws NumberFormatException when text is not a number
     * @throws ArithmeticException when the number is out of range ({@link Limits#MAX_NUMBER_DIGITS})
     */
    public static NumberValue parse(String text) {
        int n = text.length();
        if (n > 2 * Limits.MAX_NUMBER_DIGITS + 16) {
            throw new ArithmeticException(
                    "number out of range (literal longer than " + (2 * Limits.MAX_NUMBER_DIGITS + 16) + " characters)");
        }
        if (n < 19) {
            boolean digits = n > 0;
            for (int i = 0; i < n && digits; i++) {
                char c = text.charAt(i);
                digits = (c >= '0' && c <= '9') || (i == 0 && c == '-' && n > 1);
            }
            if (digits) {
                return of(Long.parseLong(text));
            }
        }
        return of(new BigDecimal(text));
    }

    /** The negated number. */
    public NumberValue negate() {
        return big == null && small != Long.MIN_VALUE
                ? of(-small)
                : of(toBigDecimal().negate());
    }

    /** True when the value has no fractional part. */
    public boolean isInteger() {
        return big == null || big.scale() <= 0;
    }

    /** True when the value is an integer within {@code long} range. */
    public boolean isLong() {
        return big == null;
    }

    /** The value as a long; only meaningful when {@link #isLong()}. */
    public long longValue() {
        return big == null ? small : big.longValue();
    }

    /** The value as an int if it is an integer in int range, else null. */
    public Integer intValueExact() {
        if (big == null && small >= Integer.MIN_VALUE && small <= Integer.MAX_VALUE) {
            return (int) small;
        }
        return null;
    }

    public BigDecimal toBigDecimal() {
        return big == null ? BigDecimal.valueOf(small) : big;
    }

    /** The integer value; callers check {@link #isInteger()} first. */
    public BigInteger toBigInteger() {
        return big == null ? BigInteger.valueOf(small) : big.toBigInteger();
    }

    public double doubleValue() {
        return big == null ? (double) small : big.doubleValue();
    }

    public int signum() {
        return big == null ? Long.signum(small) : big.signum();
    }

    @Override
    public Kind kind() {
        return Kind.NUMBER;
    }

    int compareNumber(NumberValue o) {
        if (big == null && o.big == null) {
            return Long.compare(small, o.small);
        }
        return toBigDecimal().compareTo(o.toBigDecimal());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NumberValue n)) {
            return false;
        }
        if (big == null) {
            return n.big == null && n.small == small;
        }
        return n.big != null && big.compareTo(n.big) == 0;
    }

    @Override
    public int hashCode() {
        return big == null ? Long.hashCode(small) : big.hashCode();
    }

    @Override
    public String toString() {
        if (big == null) {
            return Long.toString(small);
        }
        int scale = big.scale();
        if (scale > -40 && scale < 40) {
            return big.toPlainString();
        }
        return big.toString().replace("E+", "e+").replace("E-", "e-");
    }
}
