package io.dsx.policy.builtins.strings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Go {@code fmt} rendering of integers (int, *big.Int) and float64 values for {@link GoFmt}. */
final class GoNumbers {

    private GoNumbers() {}

    /** Renders an integer for the verb, or null when Go would print a bad-verb diagnostic. */
    static String integer(GoFmt.Spec spec, BigInteger value, boolean big) {
        char verb = spec.verb();
        String digits;
        String prefix = "";
        BigInteger abs = value.abs();
        switch (verb) {
            case 'd', 'v' -> digits = abs.toString();
            case 's' -> {
                if (!big) {
                    return null;
                }
                digits = abs.toString();
            }
            case 'b' -> digits = abs.toString(2);
            case 'o', 'O' -> {
                digits = abs.toString(8);
                prefix = verb == 'O' ? "0o" : spec.sharp() ? "0" : "";
            }
            case 'x', 'X' -> {
                digits = abs.toString(16);
                prefix = spec.sharp() ? "0x" : "";
                if (verb == 'X') {
                    digits = digits.toUpperCase(Locale.ROOT);
                    prefix = prefix.toUpperCase(Locale.ROOT);
                }
            }
            case 'c', 'q', 'U' -> {
                if (big) {
                    return null;
                }
                int cp = value.intValue();
                if (verb == 'c') {
                    return new String(Character.toChars(cp));
                }
                return verb == 'q' ? "'" + new String(Character.toChars(cp)) + "'" : String.format("U+%04X", cp);
            }
            default -> {
                return null;
            }
        }
        if (spec.precision() >= 0) {
            if (spec.precision() == 0 && value.signum() == 0) {
                digits = "";
            }
            digits = "0".repeat(Math.max(0, spec.precision() - digits.length())) + digits;
        }
        return sign(value.signum() < 0, spec) + prefix + digits;
    }

    private static String sign(boolean negative, GoFmt.Spec spec) {
        return negative ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
    }

    /** Renders a float64 for the verb, or null when Go would print a bad-verb diagnostic. */
    static String floating(GoFmt.Spec spec, double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? (spec.plus() ? "+Inf" : "+Inf") : "-Inf";
        }
        boolean negative = d < 0 || d == 0 && 1 / d < 0;
        BigDecimal exact = new BigDecimal(Math.abs(d));
        String body;
        switch (spec.verb()) {
            case 'f', 'F' -> body = fixed(exact, spec.precision() < 0 ? 6 : spec.precision());
            case 'e', 'E' -> body = exponent(exact, spec.precision() < 0 ? 6 : spec.precision(), spec.verb());
            case 'g', 'G', 'v' -> body = general(Math.abs(d), exact, spec.precision(), spec.verb() == 'G' ? 'E' : 'e');
            default -> {
                return null;
            }
        }
        return sign(negative, spec) + body;
    }

    private static String fixed(BigDecimal v, int precision) {
        return v.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String exponent(BigDecimal v, int precision, char e) {
        if (v.signum() == 0) {
            return "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + e + "+00";
        }
        BigDecimal r = v.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        return mantissa(digits) + e + exponentText(exp);
    }

    private static String mantissa(String digits) {
        return digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    }

    private static String exponentText(int exp) {
        String n = Integer.toString(Math.abs(exp));
        return (exp < 0 ? "-" : "+") + (n.length() < 2 ? "0" + n : n);
    }

    /** %g / %v: shortest digits (or the given precision), %e form for small or large exponents. */
    private static String general(double abs, BigDecimal exact, int precision, char e) {
        if (abs == 0) {
            return "0";
        }
        boolean shortest = precision < 0;
        BigDecimal digitsValue = shortest
                ? new BigDecimal(Double.toString(abs))
                : exact.round(new MathContext(precision == 0 ? 1 : precision, RoundingMode.HALF_EVEN));
        digitsValue = digitsValue.stripTrailingZeros();
        String digits = digitsValue.unscaledValue().toString();
        int nd = digits.length();
        int dp = nd - digitsValue.scale();
        int eprec = shortest ? 6 : (precision == 0 ? 1 : precision);
        if (!shortest && eprec > nd && nd >= dp) {
            eprec = nd;
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= eprec) {
            return mantissa(digits) + e + exponentText(exp);
        }
        return digitsValue.toPlainString();
    }
}
