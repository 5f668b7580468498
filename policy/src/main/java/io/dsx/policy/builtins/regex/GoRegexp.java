package io.dsx.policy.builtins.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go's {@code regexp} package behaviour over re2j: compile errors carry Go's text, and the "All"
 * functions skip an empty match that abuts the previous match, as Go does.
 */
public final class GoRegexp {

    private static final int CACHE_LIMIT = 100;
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private GoRegexp() {}

    /** Compiles (cached); a syntax error is an IllegalArgumentException with Go's message. */
    public static Pattern compile(String regex) {
        Pattern cached = CACHE.get(regex);
        if (cached != null) {
            return cached;
        }
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(regex, p);
        return p;
    }

    /** Up to n (all when n < 0) matches as group spans: {start0, end0, start1, end1, ...}; -1 for unset groups. */
    public static List<int[]> findAll(Pattern p, String s, int n) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        int pos = 0;
        int prevEnd = -1;
        while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
            boolean accept = true;
            if (m.end() == m.start()) {
                accept = m.start() != prevEnd;
                pos = m.end() < s.length() ? m.end() + Character.charCount(s.codePointAt(m.end())) : m.end() + 1;
            } else {
                pos = m.end();
            }
            prevEnd = m.end();
            if (accept) {
                int[] spans = new int[2 * (m.groupCount() + 1)];
                for (int g = 0; g <= m.groupCount(); g++) {
                    spans[2 * g] = m.start(g);
                    spans[2 * g + 1] = m.end(g);
                }
                out.add(spans);
            }
        }
        return out;
    }

    /** Go's {@code Regexp.Split(s, -1)}. */
    public static List<String> split(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        if (!p.pattern().isEmpty() && s.isEmpty()) {
            out.add("");
            return out;
        }
        int begin = 0;
        int end = 0;
        for (int[] match : findAll(p, s, -1)) {
            end = match[0];
            if (match[1] != 0) {
                out.add(s.substring(begin, end));
            }
            begin = match[1];
        }
        if (end != s.length()) {
            out.add(s.substring(begin));
        }
        return out;
    }

    /** Replaces every match with the template expanded as Go's {@code Regexp.Expand} does. */
    public static String replaceAll(Pattern p, String s, String template) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int[] match : findAll(p, s, -1)) {
            out.append(s, last, match[0]);
            expand(out, template, s, match, p);
            last = match[1];
        }
        return out.append(s.substring(last)).toString();
    }

    /** {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}} and {@code $$}; unknown groups expand to "". */
    static void expand(StringBuilder out, String template, String s, int[] match, Pattern p) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            int start = i + 1;
            int end;
            String name;
            if (template.charAt(start) == '{') {
                end = template.indexOf('}', start);
                name = end < 0 ? "" : template.substring(start + 1, end);
                end = end < 0 ? -1 : end + 1;
            } else {
                end = start;
                while (end < template.length()
                        && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                    end++;
                }
                name = template.substring(start, end);
            }
            if (end < 0 || name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                out.append('$');
                i++;
                continue;
            }
            int group = groupIndex(p, name);
            if (group >= 0 && 2 * group + 1 < match.length && match[2 * group] >= 0) {
                out.append(s, match[2 * group], match[2 * group + 1]);
            }
            i = end;
        }
    }

    private static int groupIndex(Pattern p, String name) {
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        Integer named = p.namedGroups().get(name);
        return named == null ? -1 : named;
    }
}
