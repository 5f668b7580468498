package io.dsx.policy.builtins.strings;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code strings} package functions that differ from Java's: rune-based and cutset-based. */
public final class GoStrings {

    private GoStrings() {}

    /** {@code strings.Split}: an empty separator splits into code points. */
    public static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** {@code strings.Count}: non-overlapping occurrences; an empty needle counts code points plus one. */
    public static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1;
        }
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    /** Code-point indexes of every (overlapping) occurrence of {@code search} in {@code s}. */
    public static List<Integer> indexesOf(String s, String search, boolean firstOnly) {
        int[] base = s.codePoints().toArray();
        int[] needle = search.codePoints().toArray();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + needle.length <= base.length; i++) {
            if (java.util.Arrays.equals(base, i, i + needle.length, needle, 0, needle.length)) {
                out.add(i);
                if (firstOnly) {
                    break;
                }
            }
        }
        return out;
    }

    /** Trims code points found in {@code cutset} from the chosen ends ({@code strings.Trim/TrimLeft/TrimRight}). */
    public static String trim(String s, String cutset, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (right && end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** {@code strings.TrimSpace}: trims Unicode white space. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(int cp) {
        return cp == 0x85 || cp == 0xA0 || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Go's {@code strings.ToLower/ToUpper}: simple per-rune case mapping ("ß" stays "ß", unlike Java's full mapping). */
    public static String mapRunes(String s, java.util.function.IntUnaryOperator mapping) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().map(mapping).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Reverses by code point. */
    public static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = cps.length - 1; i >= 0; i--) {
            out.appendCodePoint(cps[i]);
        }
        return out.toString();
    }

    /**
     * Go's {@code strings.NewReplacer(old1, new1, ...)}: one left-to-right pass; at each position the
     * first pair (in argument order) whose old string matches wins; an empty old string matches
     * between every code point.
     */
    public static String replace(String s, List<String[]> pairs) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousMatchEmpty = false;
        int i = 0;
        while (i <= s.length()) {
            String[] match = null;
            for (String[] p : pairs) {
                if (s.startsWith(p[0], i) && !(p[0].isEmpty() && previousMatchEmpty)) {
                    match = p;
                    break;
                }
            }
            previousMatchEmpty = match != null && match[0].isEmpty();
            if (match != null) {
                out.append(match[1]);
                i += match[0].length();
                continue;
            }
            if (i < s.length()) {
                int cp = s.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp) - 1;
            }
            i++;
        }
        return out.toString();
    }
}
