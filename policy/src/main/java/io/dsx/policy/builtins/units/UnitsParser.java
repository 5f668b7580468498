package io.dsx.policy.builtins.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * Parses resource quantities as OPA does. {@link #parse} keeps 'm' (milli) apart from 'M' (mega) and
 * yields an exact rational rounded to ten decimals; {@link #parseBytes} is case-insensitive, works on a
 * 64-bit-mantissa float as Go's {@code big.Float} does, and truncates to an integer.
 * Failures are {@link IllegalArgumentException}s whose message is OPA's text without the builtin name.
 */
public final class UnitsParser {

    private static final int MAX_EXPONENT_DIGITS = 6;
    private static final BigInteger KILO = BigInteger.valueOf(1000);
    private static final BigInteger KIBI = BigInteger.valueOf(1024);
    /** Go sets 'm' from the float64 0.001, so the factor is that double's exact binary value. */
    private static final BigDecimal MILLI = new BigDecimal(0.001);

    private static final Map<String, BigInteger> SI = Map.ofEntries(
            Map.entry("", BigInteger.ONE),
            Map.entry("k", KILO.pow(1)),
            Map.entry("K", KILO.pow(1)),
            Map.entry("ki", KIBI.pow(1)),
            Map.entry("Ki", KIBI.pow(1)),
            Map.entry("M", KILO.pow(2)),
            Map.entry("mi", KIBI.pow(2)),
            Map.entry("Mi", KIBI.pow(2)),
            Map.entry("g", KILO.pow(3)),
            Map.entry("G", KILO.pow(3)),
            Map.entry("gi", KIBI.pow(3)),
            Map.entry("Gi", KIBI.pow(3)),
            Map.entry("t", KILO.pow(4)),
            Map.entry("T", KILO.pow(4)),
            Map.entry("ti", KIBI.pow(4)),
            Map.entry("Ti", KIBI.pow(4)),
            Map.entry("p", KILO.pow(5)),
            Map.entry("P", KILO.pow(5)),
            Map.entry("pi", KIBI.pow(5)),
            Map.entry("Pi", KIBI.pow(5)),
            Map.entry("e", KILO.pow(6)),
            Map.entry("E", KILO.pow(6)),
            Map.entry("ei", KIBI.pow(6)),
            Map.entry("Ei", KIBI.pow(6)));

    private static final Map<String, BigInteger> BYTES = byteUnits();

    private UnitsParser() {}

    private static Map<String, BigInteger> byteUnits() {
        Map<String, BigInteger> units = new java.util.HashMap<>();
        units.put("", BigInteger.ONE);
        String prefixes = "kmgtpe";
        for (int i = 0; i < prefixes.length(); i++) {
            String p = String.valueOf(prefixes.charAt(i));
            units.put(p, KILO.pow(i + 1));
            units.put(p + "b", KILO.pow(i + 1));
            units.put(p + "i", KIBI.pow(i + 1));
            units.put(p + "ib", KIBI.pow(i + 1));
        }
        return Map.copyOf(units);
    }

    /** {@code units.parse}: the amount times the unit, exact when integral, else rounded to 10 decimals. */
    public static BigDecimal parse(String raw) {
        String s = raw.replace("\"", "");
        if (s.contains(" ")) {
            throw new IllegalArgumentException("spaces not allowed in resource strings");
        }
        String[] parts = split(s);
        if (parts[0].isEmpty()) {
            throw new IllegalArgumentException("no amount provided");
        }
        String unit = parts[1];
        if (unit.length() > 1) {
            unit = unit.charAt(0) + unit.substring(1).toLowerCase(Locale.ROOT);
        }
        BigDecimal factor;
        if (unit.equals("m")) {
            factor = MILLI;
        } else if (SI.containsKey(unit)) {
            factor = new BigDecimal(SI.get(unit));
        } else {
            throw new IllegalArgumentException("unit " + unit + " not recognized");
        }
        BigDecimal product =
                number(parts[0], "could not parse amount to a number").multiply(factor);
        if (product.signum() == 0 || product.scale() <= 0) {
            return product;
        }
        if (GoFloat.tiny(product, 40)) {
            return BigDecimal.ZERO; // rounds to 0.0000000000 at ten decimals
        }
        if (product.stripTrailingZeros().scale() <= 0) {
            return product.setScale(0);
        }
        return product.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** {@code units.parse_bytes}: a whole number of bytes. */
    public static BigInteger parseBytes(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replace("\"", "");
        if (s.contains(" ")) {
            throw new IllegalArgumentException("spaces not allowed in resource strings");
        }
        String[] parts = split(s);
        if (parts[0].isEmpty()) {
            throw new IllegalArgumentException("no byte amount provided");
        }
        BigInteger factor = BYTES.get(parts[1]);
        if (factor == null) {
            throw new IllegalArgumentException("byte unit " + parts[1] + " not recognized");
        }
        BigDecimal amount = number(parts[0], "could not parse byte amount to a number");
        if (GoFloat.tiny(amount, 70)) {
            return BigInteger.ZERO;
        }
        BigInteger bytes = GoFloat.round64(amount).times(factor).truncated();
        return amount.signum() < 0 ? bytes.negate() : bytes;
    }

    private static BigDecimal number(String text, String failure) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(failure);
        }
    }

    /** Splits into the leading number (digits, '.', exponent) and the unit after it. */
    static String[] split(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean numeric = isDigit(c) || c == '.' || c == '+' || c == '-';
            if (!numeric && c != 'e' && c != 'E') {
                return cut(s, i);
            }
            if (c == 'e' || c == 'E') {
                if (i == s.length() - 1
                        || !isDigit(s.charAt(i + 1)) && s.charAt(i + 1) != '+' && s.charAt(i + 1) != '-') {
                    return cut(s, i);
                }
                if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') {
                    i++;
                }
                int end = i + 1;
                while (end < s.length() && isDigit(s.charAt(end))) {
                    end++;
                }
                if (end - (i + 1) > MAX_EXPONENT_DIGITS) {
                    throw new IllegalArgumentException("exponent too large");
                }
            }
        }
        return new String[] {s, ""};
    }

    private static String[] cut(String s, int at) {
        return new String[] {s.substring(0, at), s.substring(at)};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
