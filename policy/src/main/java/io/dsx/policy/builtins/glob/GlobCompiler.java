package io.dsx.policy.builtins.glob;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Translates a gobwas-style glob with a delimiter set into an anchored regular expression. */
public final class GlobCompiler {

    private static final String META = "*?[]{}\\,";
    private static final int CACHE_LIMIT = 100;
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private final String glob;
    private final String notDelimiter;
    private final String anyChar;
    private int pos;

    private GlobCompiler(String glob, List<Integer> delimiters) {
        this.glob = glob;
        StringBuilder d = new StringBuilder();
        delimiters.forEach(cp -> d.append(quote(cp)));
        this.notDelimiter = delimiters.isEmpty() ? "." : "[^" + d + "]";
        this.anyChar = ".";
    }

    /** Whether {@code text} matches {@code glob}; malformed globs fail with IllegalArgumentException. */
    public static boolean matches(String glob, List<Integer> delimiters, String text) {
        String key = glob + "\u0000" + delimiters;
        Pattern p = CACHE.get(key);
        if (p == null) {
            p = compile(glob, delimiters);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, p);
        }
        return p.matcher(text).matches();
    }

    static Pattern compile(String glob, List<Integer> delimiters) {
        GlobCompiler c = new GlobCompiler(glob, delimiters);
        String regex = c.sequence(false);
        if (c.pos < glob.length()) {
            throw new IllegalArgumentException("unexpected '" + glob.charAt(c.pos) + "' at " + c.pos);
        }
        return Pattern.compile(regex, Pattern.DOTALL);
    }

    /** gobwas {@code QuoteMeta}: escapes the glob metacharacters. */
    public static String quoteMeta(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 128 && META.indexOf(cp) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /** Reads until the end, or (inside braces) until an unnested ',' or '}'. */
    private String sequence(boolean inBraces) {
        StringBuilder out = new StringBuilder();
        while (pos < glob.length()) {
            int cp = glob.codePointAt(pos);
            if (inBraces && (cp == ',' || cp == '}')) {
                return out.toString();
            }
            pos += Character.charCount(cp);
            switch (cp) {
                case '*' -> {
                    if (pos < glob.length() && glob.charAt(pos) == '*') {
                        pos++;
                        out.append(anyChar).append('*');
                    } else {
                        out.append(notDelimiter).append('*');
                    }
                }
                case '?' -> out.append(notDelimiter);
                case '[' -> out.append(charClass());
                case '{' -> out.append(alternatives());
                case '\\' -> {
                    if (pos >= glob.length()) {
                        throw new IllegalArgumentException("unexpected end of input after escape");
                    }
                    int next = glob.codePointAt(pos);
                    pos += Character.charCount(next);
                    out.append(quote(next));
                }
                default -> out.append(quote(cp));
            }
        }
        if (inBraces) {
            throw new IllegalArgumentException("unexpected end of input: unclosed '{'");
        }
        return out.toString();
    }

    private String alternatives() {
        StringBuilder out = new StringBuilder("(?:");
        while (true) {
            out.append(sequence(true));
            char c = glob.charAt(pos++);
            if (c == '}') {
                return out.append(')').toString();
            }
            out.append('|');
        }
    }

    private String charClass() {
        int close = glob.indexOf(']', pos);
        if (close < 0) {
            throw new IllegalArgumentException("unexpected end of input: unclosed '['");
        }
        String body = glob.substring(pos, close);
        pos = close + 1;
        boolean negated = body.startsWith("!");
        int[] cps = (negated ? body.substring(1) : body).codePoints().toArray();
        StringBuilder out = new StringBuilder(negated ? "[^" : "[");
        for (int i = 0; i < cps.length; i++) {
            if (i + 2 < cps.length && cps[i + 1] == '-') {
                out.append(quote(cps[i])).append('-').append(quote(cps[i + 2]));
                i += 2;
            } else {
                out.append(quote(cps[i]));
            }
        }
        return out.append(']').toString();
    }

    private static String quote(int cp) {
        return String.format("\\x{%x}", cp);
    }
}
