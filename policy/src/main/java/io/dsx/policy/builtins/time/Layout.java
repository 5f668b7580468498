package io.dsx.policy.builtins.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Go layout split into chunks: literal text and reference-time elements. The recognition order
 * mirrors Go's {@code nextStdChunk}, so "2006" is a year but "2" alone is a day, and ".000" is a
 * fraction only when no digit follows it.
 */
final class Layout {

    /** Go's named layouts that OPA accepts by name. */
    static final Map<String, String> NAMED = Map.of(
            "ANSIC", "Mon Jan _2 15:04:05 2006",
            "UnixDate", "Mon Jan _2 15:04:05 MST 2006",
            "RubyDate", "Mon Jan 02 15:04:05 -0700 2006",
            "RFC822", "02 Jan 06 15:04 MST",
            "RFC822Z", "02 Jan 06 15:04 -0700",
            "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
            "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST",
            "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700",
            "RFC3339", "2006-01-02T15:04:05Z07:00",
            "RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00");

    /** One chunk: a token, its literal text (for LITERAL) or its fraction digit count. */
    record Chunk(LayoutToken token, String text, int digits) {}

    private static final String[][] PREFIXED = {
        {"January", "LONG_MONTH"},
        {"Jan", "MONTH"},
        {"Monday", "LONG_WEEKDAY"},
        {"Mon", "WEEKDAY"},
        {"MST", "TZ_NAME"},
        {"01", "ZERO_MONTH"},
        {"02", "ZERO_DAY"},
        {"03", "ZERO_HOUR12"},
        {"04", "ZERO_MINUTE"},
        {"05", "ZERO_SECOND"},
        {"06", "YEAR"},
        {"002", "ZERO_YEAR_DAY"},
        {"15", "HOUR"},
        {"1", "NUM_MONTH"},
        {"2006", "LONG_YEAR"},
        {"2", "DAY"},
        {"__2", "UNDER_YEAR_DAY"},
        {"_2", "UNDER_DAY"},
        {"3", "HOUR12"},
        {"4", "MINUTE"},
        {"5", "SECOND"},
        {"PM", "PM_UPPER"},
        {"pm", "PM_LOWER"},
        {"-070000", "NUM_HHMMSS"},
        {"-07:00:00", "NUM_HH_MM_SS"},
        {"-0700", "NUM_HHMM"},
        {"-07:00", "NUM_HH_MM"},
        {"-07", "NUM_HH"},
        {"Z070000", "ISO_HHMMSS"},
        {"Z07:00:00", "ISO_HH_MM_SS"},
        {"Z0700", "ISO_HHMM"},
        {"Z07:00", "ISO_HH_MM"},
        {"Z07", "ISO_HH"}
    };

    private Layout() {}

    static String resolve(String layout) {
        return NAMED.getOrDefault(layout, layout);
    }

    static List<Chunk> parse(String layout) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            Chunk std = stdAt(layout, i);
            if (std == null) {
                literal.append(layout.charAt(i++));
                continue;
            }
            if (literal.length() > 0) {
                chunks.add(new Chunk(LayoutToken.LITERAL, literal.toString(), 0));
                literal.setLength(0);
            }
            chunks.add(std);
            i += std.text().length();
        }
        if (literal.length() > 0) {
            chunks.add(new Chunk(LayoutToken.LITERAL, literal.toString(), 0));
        }
        return chunks;
    }

    private static Chunk stdAt(String layout, int i) {
        char c = layout.charAt(i);
        if ((c == '.' || c == ',')
                && i + 1 < layout.length()
                && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
            char d = layout.charAt(i + 1);
            int j = i + 1;
            while (j < layout.length() && layout.charAt(j) == d) {
                j++;
            }
            if (j < layout.length() && Character.isDigit(layout.charAt(j))) {
                return null;
            }
            return new Chunk(
                    d == '0' ? LayoutToken.FRAC_ZERO : LayoutToken.FRAC_NINE, layout.substring(i, j), j - i - 1);
        }
        if (layout.startsWith("_2006", i)) {
            return null; // Go reads "_" literally before a long year
        }
        for (String[] p : PREFIXED) {
            if (layout.startsWith(p[0], i)) {
                if (p[0].equals("Mon") && layout.startsWith("Monday", i)
                        || p[0].equals("Jan") && layout.startsWith("January", i)) {
                    continue;
                }
                return new Chunk(LayoutToken.valueOf(p[1]), p[0], 0);
            }
        }
        return null;
    }
}
