package io.dsx.policy.builtins.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * Delimiter templates for {@code regex.template_match}: text outside the delimiters matches literally,
 * text inside is a regular expression, and the whole template is anchored ({@code urn:foo:{.*}}).
 */
final class RegexTemplate {

    private RegexTemplate() {}

    static com.google.re2j.Pattern compile(String template, char open, char close) {
        List<Integer> bounds = delimiters(template, open, close);
        StringBuilder regex = new StringBuilder("^");
        int end = 0;
        for (int i = 0; i < bounds.size(); i += 2) {
            String raw = template.substring(end, bounds.get(i));
            end = bounds.get(i + 1);
            String inner = template.substring(bounds.get(i) + 1, end - 1);
            GoRegexp.compile("^" + inner + "$");
            regex.append(quoteMeta(raw)).append('(').append(inner).append(')');
        }
        regex.append(quoteMeta(template.substring(end))).append('$');
        return GoRegexp.compile(regex.toString());
    }

    private static List<Integer> delimiters(String s, char open, char close) {
        List<Integer> out = new ArrayList<>();
        int level = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open && ++level == 1) {
                start = i;
            } else if (c == close) {
                level--;
                if (level == 0) {
                    out.add(start);
                    out.add(i + 1);
                } else if (level < 0) {
                    throw unbalanced(s);
                }
            }
        }
        if (level != 0) {
            throw unbalanced(s);
        }
        return out;
    }

    private static IllegalArgumentException unbalanced(String s) {
        return new IllegalArgumentException("unbalanced braces in \"" + s + "\"");
    }

    /** Go's {@code regexp.QuoteMeta}. */
    static String quoteMeta(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
