package io.dsx.policy.builtins.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Rounding of exact decimals to the 64-bit mantissa that Go's {@code big.Float} uses by default. */
final class GoFloat {

    private static final int PRECISION = 64;

    private GoFloat() {}

    /** The value nearest to {@code x} (ties to even) that has at most 64 significant bits. */
    static BigDecimal round64(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal abs = x.abs();
        // Find e with 2^63 <= abs * 2^-e < 2^64, then round the scaled value to an integer.
        int e = (int) Math.floor(log2(abs)) - (PRECISION - 1);
        BigDecimal scaled = scale(abs, -e);
        BigInteger lower = BigInteger.ONE.shiftLeft(PRECISION - 1);
        while (scaled.compareTo(new BigDecimal(lower)) < 0) {
            e--;
            scaled = scale(abs, -e);
        }
        while (scaled.compareTo(new BigDecimal(lower.shiftLeft(1))) >= 0) {
            e++;
            scaled = scale(abs, -e);
        }
        BigInteger mantissa = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigDecimal rounded = scale(new BigDecimal(mantissa), e);
        return x.signum() < 0 ? rounded.negate() : rounded;
    }

    private static BigDecimal scale(BigDecimal v, int exp2) {
        if (exp2 >= 0) {
            return v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exp2)));
        }
        return v.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exp2)));
    }

    private static double log2(BigDecimal v) {
        int digits = v.precision() - v.scale();
        BigDecimal normalised = v.movePointLeft(digits);
        return Math.log(normalised.doubleValue()) / Math.log(2) + digits * (Math.log(10) / Math.log(2));
    }
}
