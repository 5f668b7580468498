package io.dsx.policy.builtins.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Parses Go duration strings ("1h30m", "-1.5s", "100ms") into nanoseconds, with Go's error texts. */
public final class GoDuration {

    private static final Map<String, Long> UNITS = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "\u00b5s",
            1_000L,
            "\u03bcs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {}

    public static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (!s.isEmpty()) {
            int i = 0;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(0, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            s = s.substring(i);
            int j = 0;
            while (j < s.length() && s.charAt(j) != '.' && !Character.isDigit(s.charAt(j))) {
                j++;
            }
            String unit = s.substring(0, j);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoTimeParser.quote(text));
            }
            Long factor = UNITS.get(unit);
            if (factor == null) {
                throw new IllegalArgumentException(
                        "time: unknown unit " + GoTimeParser.quote(unit) + " in duration " + GoTimeParser.quote(text));
            }
            s = s.substring(j);
            total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(factor)));
        }
        BigInteger nanos = total.toBigInteger();
        if (nanos.compareTo(negative ? MAX.add(BigInteger.ONE) : MAX) > 0) {
            throw invalid(text);
        }
        return (negative ? nanos.negate() : nanos).longValue();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + GoTimeParser.quote(text));
    }
}
