package io.dsx.policy.builtins.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code regex.globs_match}: whether two simple "globs" (regex-like: literals, {@code .}, {@code [a-z]}
 * classes, {@code \} escapes, each optionally followed by {@code *} or {@code +}) accept a common string.
 * Design note: each glob becomes a token list (x+ is x then x*); a breadth-first search over pairs of
 * positions consumes one character from both sides whenever their character sets intersect.
 */
public final class GlobIntersection {

    /** A character set: any character, or code-point ranges, possibly negated. */
    record CharSet(boolean any, boolean negated, List<int[]> ranges) {
        boolean contains(int cp) {
            if (any) {
                return true;
            }
            boolean in = ranges.stream().anyMatch(r -> cp >= r[0] && cp <= r[1]);
            return in != negated;
        }

        boolean intersects(CharSet o) {
            if (any || o.any || negated || o.negated) {
                // A negated or universal set meets anything that is not fully excluded by it.
                return any && !o.isEmpty()
                        || o.any && !isEmpty()
                        || sampleMeets(o)
                        || o.sampleMeets(this)
                        || negated && o.negated;
            }
            for (int[] a : ranges) {
                for (int[] b : o.ranges) {
                    if (a[0] <= b[1] && b[0] <= a[1]) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean isEmpty() {
            return !any && !negated && ranges.isEmpty();
        }

        /** For a non-negated set, whether one of its range ends (or the next code point) lies in o. */
        private boolean sampleMeets(CharSet o) {
            if (negated || any) {
                return false;
            }
            for (int[] r : ranges) {
                for (int cp = r[0]; cp <= r[1] && cp <= r[0] + 256; cp++) {
                    if (o.contains(cp)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    record Token(CharSet set, boolean star) {}

    private GlobIntersection() {}

    public static boolean nonEmpty(String a, String b) {
        List<Token> x = tokens(a);
        List<Token> y = tokens(b);
        Deque<int[]> queue = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        queue.add(new int[] {0, 0});
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int i = s[0];
            int j = s[1];
            if (!seen.add(((long) i << 32) | j)) {
                continue;
            }
            if (i == x.size() && j == y.size()) {
                return true;
            }
            if (i < x.size() && x.get(i).star()) {
                queue.add(new int[] {i + 1, j});
            }
            if (j < y.size() && y.get(j).star()) {
                queue.add(new int[] {i, j + 1});
            }
            if (i < x.size()
                    && j < y.size()
                    && x.get(i).set().intersects(y.get(j).set())) {
                queue.add(new int[] {x.get(i).star() ? i : i + 1, y.get(j).star() ? j : j + 1});
            }
        }
        return false;
    }

    static List<Token> tokens(String glob) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            CharSet set;
            if (c == '.') {
                set = new CharSet(true, false, List.of());
                i++;
            } else if (c == '\\' && i + 1 < glob.length()) {
                int cp = glob.codePointAt(i + 1);
                set = literal(cp);
                i += 1 + Character.charCount(cp);
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close < 0) {
                    throw invalid(glob, glob.length(), "set-open '[' with no closing ']'");
                }
                set = charClass(glob.substring(i + 1, close));
                i = close + 1;
            } else if (c == ']') {
                throw invalid(glob, i + 1, "set-close ']' with no preceding '['");
            } else if (c == '*' || c == '+') {
                throw invalid(glob, i + 1, "modifier '" + c + "' without preceding character");
            } else {
                int cp = glob.codePointAt(i);
                set = literal(cp);
                i += Character.charCount(cp);
            }
            if (i < glob.length() && glob.charAt(i) == '*') {
                out.add(new Token(set, true));
                i++;
            } else if (i < glob.length() && glob.charAt(i) == '+') {
                out.add(new Token(set, false));
                out.add(new Token(set, true));
                i++;
            } else {
                out.add(new Token(set, false));
            }
        }
        return out;
    }

    private static CharSet literal(int cp) {
        return new CharSet(false, false, List.of(new int[] {cp, cp}));
    }

    private static CharSet charClass(String body) {
        boolean negated = body.startsWith("^");
        String b = negated ? body.substring(1) : body;
        List<int[]> ranges = new ArrayList<>();
        int[] cps = b.codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
            int lo = cps[k];
            if (lo == '\\' && k + 1 < cps.length) {
                lo = cps[++k];
            }
            if (k + 2 < cps.length && cps[k + 1] == '-') {
                ranges.add(new int[] {lo, cps[k + 2]});
                k += 2;
            } else {
                ranges.add(new int[] {lo, lo});
            }
        }
        return new CharSet(false, negated, ranges);
    }

    private static IllegalArgumentException invalid(String glob, int pos, String what) {
        return new IllegalArgumentException(
                "input:" + glob + ", pos:" + pos + ", " + what + ": the input provided is invalid");
    }
}
