package io.dsx.policy.builtins.units;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Rounding of exact decimals to the 64-bit mantissa that Go's {@code big.Float} uses by default.
 * Design note: inputs may carry six-digit exponents ("1e999999"), so the work is done on binary
 * mantissas: exactly while the power of ten is small, and with a 192-bit truncated power otherwise
 * (ties cannot occur there: 10^k with k > 27 is never a 64-bit binary fraction), so no step ever
 * expands a million-digit decimal.
 */
final class GoFloat {

    private static final int PRECISION = 64;
    private static final int EXACT_LIMIT = 64;
    private static final int WORK_BITS = 192;

    /** A binary float: mantissa times two to the exponent. */
    record Binary(BigInteger mantissa, int exponent) {
        BigInteger truncated() {
            return exponent >= 0 ? mantissa.shiftLeft(exponent) : mantissa.shiftRight(-exponent);
        }

        Binary times(BigInteger factor) {
            return round(mantissa.multiply(factor), exponent);
        }
    }

    private GoFloat() {}

    /** x (non-negative) rounded to 64 significant bits, ties to even. */
    static Binary round64(BigDecimal x) {
        BigInteger u = x.unscaledValue().abs();
        int k = -x.scale();
        if (u.signum() == 0) {
            return new Binary(BigInteger.ZERO, 0);
        }
        if (k >= 0 && k <= EXACT_LIMIT) {
            return round(u.multiply(BigInteger.TEN.pow(k)), 0);
        }
        if (k > 0) {
            Binary p = pow10(k);
            return round(u.multiply(p.mantissa()), p.exponent());
        }
        BigInteger d = BigInteger.TEN.pow(-k);
        int s = Math.max(0, PRECISION + 2 + d.bitLength() - u.bitLength());
        BigInteger[] qr = u.shiftLeft(s).divideAndRemainder(d);
        // A non-zero remainder only matters as a sticky bit below the rounding position.
        BigInteger q = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
        return round(q, -s - 1);
    }

    /** Whether x is below 2^-bits (so any 60-bit unit times it truncates to zero). */
    static boolean tiny(BigDecimal x, int bits) {
        return x.signum() == 0 || x.precision() - x.scale() < -(int) Math.ceil(bits * 0.30103) - 1;
    }

    /** 10^k as a WORK_BITS-bit truncated mantissa and exponent, by square-and-multiply. */
    private static Binary pow10(int k) {
        BigInteger m = BigInteger.ONE;
        int e = 0;
        BigInteger b = BigInteger.TEN;
        int be = 0;
        for (int bits = k; bits > 0; bits >>= 1) {
            if ((bits & 1) != 0) {
                m = m.multiply(b);
                e += be;
                int sh = Math.max(0, m.bitLength() - WORK_BITS);
                m = m.shiftRight(sh);
                e += sh;
            }
            b = b.multiply(b);
            be *= 2;
            int sh = Math.max(0, b.bitLength() - WORK_BITS);
            b = b.shiftRight(sh);
            be += sh;
        }
        return new Binary(m, e);
    }

    /** Rounds n * 2^e to 64 significant bits (ties to even). */
    private static Binary round(BigInteger n, int e) {
        int excess = n.bitLength() - PRECISION;
        if (excess <= 0) {
            return new Binary(n, e);
        }
        BigInteger kept = n.shiftRight(excess);
        boolean half = n.testBit(excess - 1);
        boolean below = n.getLowestSetBit() < excess - 1;
        if (half && (below || kept.testBit(0))) {
            kept = kept.add(BigInteger.ONE);
        }
        return new Binary(kept, e + excess);
    }
}
