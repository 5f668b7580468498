package io.dsx.policy.builtins.time;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Formats a zoned date-time with a Go layout, as Go's {@code time.Time.Format} does. */
public final class GoTimeFormatter {

    private GoTimeFormatter() {}

    /** Formats {@code t} with {@code layout}, which may also be one of Go's layout names ("RFC1123Z"). */
    public static String format(ZonedDateTime t, String layout) {
        StringBuilder out = new StringBuilder();
        for (Layout.Chunk chunk : Layout.parse(Layout.resolve(layout))) {
            append(out, t, chunk);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, ZonedDateTime t, Layout.Chunk chunk) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        switch (chunk.token()) {
            case LITERAL -> out.append(chunk.text());
            case LONG_MONTH -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case MONTH -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case NUM_MONTH -> out.append(t.getMonthValue());
            case ZERO_MONTH -> pad(out, t.getMonthValue(), 2, '0');
            case LONG_WEEKDAY -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case WEEKDAY -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case DAY -> out.append(t.getDayOfMonth());
            case UNDER_DAY -> pad(out, t.getDayOfMonth(), 2, ' ');
            case ZERO_DAY -> pad(out, t.getDayOfMonth(), 2, '0');
            case UNDER_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, ' ');
            case ZERO_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, '0');
            case HOUR -> pad(out, t.getHour(), 2, '0');
            case HOUR12 -> out.append(hour12);
            case ZERO_HOUR12 -> pad(out, hour12, 2, '0');
            case MINUTE -> out.append(t.getMinute());
            case ZERO_MINUTE -> pad(out, t.getMinute(), 2, '0');
            case SECOND -> out.append(t.getSecond());
            case ZERO_SECOND -> pad(out, t.getSecond(), 2, '0');
            case LONG_YEAR -> longYear(out, t.getYear());
            case YEAR -> pad(out, Math.floorMod(t.getYear(), 100), 2, '0');
            case PM_UPPER -> out.append(t.getHour() >= 12 ? "PM" : "AM");
            case PM_LOWER -> out.append(t.getHour() >= 12 ? "pm" : "am");
            case TZ_NAME -> zoneName(out, t);
            case FRAC_ZERO, FRAC_NINE -> fraction(out, t.getNano(), chunk);
            default -> offset(out, t.getOffset().getTotalSeconds(), chunk.token());
        }
    }

    private static void longYear(StringBuilder out, int year) {
        if (year < 0) {
            out.append('-');
        }
        pad(out, Math.abs(year), 4, '0');
    }

    private static void zoneName(StringBuilder out, ZonedDateTime t) {
        String name = t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        String abbreviation = java.time.format.DateTimeFormatter.ofPattern("z", Locale.ENGLISH)
                .format(t);
        if (abbreviation.matches("[A-Z]{3,5}")) {
            out.append(abbreviation.equals("Z") ? "UTC" : abbreviation);
        } else if (name.equals("Z")) {
            out.append("UTC");
        } else {
            // Go prints a numeric zone when the zone has no alphabetic abbreviation.
            offset(out, t.getOffset().getTotalSeconds(), LayoutToken.NUM_HHMM);
        }
    }

    private static void fraction(StringBuilder out, int nanos, Layout.Chunk chunk) {
        String digits = String.format(Locale.ROOT, "%09d", nanos).substring(0, chunk.digits());
        if (chunk.token() == LayoutToken.FRAC_NINE) {
            int end = digits.length();
            while (end > 0 && digits.charAt(end - 1) == '0') {
                end--;
            }
            digits = digits.substring(0, end);
            if (digits.isEmpty()) {
                return;
            }
        }
        out.append(chunk.text().charAt(0)).append(digits);
    }

    private static void offset(StringBuilder out, int totalSeconds, LayoutToken token) {
        if (token.isIso() && totalSeconds == 0) {
            out.append('Z');
            return;
        }
        int abs = Math.abs(totalSeconds);
        out.append(totalSeconds < 0 ? '-' : '+');
        pad(out, abs / 3600, 2, '0');
        boolean colon = token == LayoutToken.ISO_HH_MM
                || token == LayoutToken.ISO_HH_MM_SS
                || token == LayoutToken.NUM_HH_MM
                || token == LayoutToken.NUM_HH_MM_SS;
        if (token != LayoutToken.ISO_HH && token != LayoutToken.NUM_HH) {
            out.append(colon ? ":" : "");
            pad(out, abs / 60 % 60, 2, '0');
        }
        if (token == LayoutToken.ISO_HHMMSS
                || token == LayoutToken.ISO_HH_MM_SS
                || token == LayoutToken.NUM_HHMMSS
                || token == LayoutToken.NUM_HH_MM_SS) {
            out.append(colon ? ":" : "");
            pad(out, abs % 60, 2, '0');
        }
    }

    static void pad(StringBuilder out, int value, int width, char fill) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append(fill);
        }
        out.append(s);
    }
}
