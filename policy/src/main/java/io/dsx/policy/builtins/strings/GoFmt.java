package io.dsx.policy.builtins.strings;

import java.math.BigInteger;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} over the argument kinds OPA passes it: {@link Long} (Go int),
 * {@link BigInteger} (*big.Int), {@link Double} (float64) and {@link String} (strings and the Rego text
 * of every other value). Wrong verbs, missing and extra arguments print Go's {@code %!d(string=x)}
 * diagnostics instead of failing. Design note: one pass over the format, one {@link Spec} per verb;
 * the per-kind renderers live in {@link GoNumbers}.
 */
public final class GoFmt {

    /** One parsed verb: flags, width and precision (-1 when absent). */
    record Spec(
            boolean minus,
            boolean plus,
            boolean sharp,
            boolean space,
            boolean zero,
            int width,
            int precision,
            char verb) {}

    /** Go's fmt rejects widths and precisions above a million ("%!(BADWIDTH)"), which also bounds memory. */
    private static final int MAX_NUMBER = 1_000_000;

    private static final int TOO_LARGE = -2;

    private GoFmt() {}

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int bounded(String digits) {
        return digits.length() > 7 || Integer.parseInt(digits) > MAX_NUMBER ? TOO_LARGE : Integer.parseInt(digits);
    }

    public static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        boolean reordered = false;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            boolean minus = false, plus = false, sharp = false, space = false, zero = false;
            for (; i < format.length(); i++) {
                char f = format.charAt(i);
                if (f == '-') {
                    minus = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == '#') {
                    sharp = true;
                } else if (f == ' ') {
                    space = true;
                } else if (f == '0') {
                    zero = true;
                } else {
                    break;
                }
            }
            int[] index = argIndex(format, i);
            if (index != null) {
                next = index[0];
                i = index[1];
                reordered = true;
            }
            int width = -1;
            if (i < format.length() && format.charAt(i) == '*') {
                i++;
                width = next < args.size() && args.get(next) instanceof Long l && Math.abs(l) <= MAX_NUMBER
                        ? l.intValue()
                        : -1;
                next++;
                if (width < 0 && width != -1) {
                    minus = true;
                    width = -width;
                }
            } else {
                int start = i;
                while (i < format.length() && isDigit(format.charAt(i))) {
                    i++;
                }
                width = i > start ? bounded(format.substring(start, i)) : -1;
                if (width == TOO_LARGE) {
                    out.append("%!(BADWIDTH)");
                    width = -1;
                }
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                int start = i;
                while (i < format.length() && isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > start ? bounded(format.substring(start, i)) : 0;
                if (precision == TOO_LARGE) {
                    out.append("%!(BADPREC)");
                    precision = -1;
                }
            }
            index = argIndex(format, i);
            if (index != null) {
                next = index[0];
                i = index[1];
                reordered = true;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            int verbCp = format.codePointAt(i);
            i += Character.charCount(verbCp);
            char verb = verbCp > 0xFFFF ? '?' : (char) verbCp;
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").appendCodePoint(verbCp).append("(MISSING)");
                continue;
            }
            Spec spec = new Spec(minus, plus, sharp, space, zero && !minus, width, precision, verb);
            Object arg = args.get(next++);
            out.append(pad(spec.verb() == 'T' ? typeName(arg) : render(spec, arg), spec, !(arg instanceof String)));
        }
        if (!reordered && next < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = next; k < args.size(); k++) {
                out.append(k > next ? ", " : "")
                        .append(typeName(args.get(k)))
                        .append('=')
                        .append(render(new Spec(false, false, false, false, false, -1, -1, 'v'), args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    /** Parses {@code [n]} at i: returns {zero-based index, position after it}, or null. */
    private static int[] argIndex(String format, int i) {
        if (i >= format.length() || format.charAt(i) != '[') {
            return null;
        }
        int close = format.indexOf(']', i);
        if (close < 0) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(format.substring(i + 1, close)) - 1, close + 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String render(Spec spec, Object arg) {
        String s;
        if (arg instanceof Long l) {
            s = GoNumbers.integer(spec, BigInteger.valueOf(l), false);
        } else if (arg instanceof BigInteger b) {
            s = GoNumbers.integer(spec, b, true);
        } else if (arg instanceof Double d) {
            s = GoNumbers.floating(spec, d);
        } else {
            s = string(spec, String.valueOf(arg));
        }
        return s != null ? s : badVerb(spec.verb(), arg);
    }

    static String badVerb(char verb, Object arg) {
        return "%!" + verb + "(" + typeName(arg) + "="
                + render(new Spec(false, false, false, false, false, -1, -1, 'v'), arg) + ")";
    }

    private static String string(Spec spec, String s) {
        String v = s;
        if (spec.precision() >= 0
                && "svqxX".indexOf(spec.verb()) >= 0
                && v.codePointCount(0, v.length()) > spec.precision()) {
            v = v.substring(0, v.offsetByCodePoints(0, spec.precision()));
        }
        return switch (spec.verb()) {
            case 's', 'v' -> v;
            case 'q' -> spec.sharp() && !v.contains("`") ? "`" + v + "`" : GoQuote.quote(v);
            case 'x', 'X' -> hex(v, spec);
            default -> null;
        };
    }

    private static String hex(String s, Spec spec) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (spec.space() && i > 0) {
                out.append(' ');
            }
            if (spec.sharp() && (spec.space() || i == 0)) {
                out.append(spec.verb() == 'x' ? "0x" : "0X");
            }
            String h = String.format("%02x", bytes[i] & 0xff);
            out.append(spec.verb() == 'X' ? h.toUpperCase(java.util.Locale.ROOT) : h);
        }
        return out.toString();
    }

    static String pad(String s, Spec spec, boolean number) {
        int length = s.codePointCount(0, s.length());
        if (spec.width() <= length) {
            return s;
        }
        String fill = " ".repeat(spec.width() - length);
        if (spec.minus()) {
            return s + fill;
        }
        if (spec.zero() && number && spec.verb() != 'T' && !s.startsWith("%!")) {
            int signEnd = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
            return s.substring(0, signEnd) + "0".repeat(spec.width() - length) + s.substring(signEnd);
        }
        if (spec.zero() && !number) {
            return "0".repeat(spec.width() - length) + s;
        }
        return fill + s;
    }

    static String typeName(Object arg) {
        if (arg instanceof Long) {
            return "int";
        }
        if (arg instanceof BigInteger) {
            return "*big.Int";
        }
        return arg instanceof Double ? "float64" : "string";
    }
}
