package io.dsx.policy.builtins.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Parses text with a Go layout into an instant, as Go's {@code time.Parse} does: numeric offsets are
 * honoured, zone abbreviations count as UTC, and errors carry Go's wording
 * ({@code parsing time "x" as "layout": cannot parse "rest" as "elem"}).
 * Design note: one pass over the layout's chunks, each consuming the front of the remaining text; the
 * class is long because every Go layout element has its own reading and range rule, kept together so
 * they can be checked against Go's {@code time.Parse} side by side.
 */
public final class GoTimeParser {

    private final String value;
    private final String layout;
    private String rest;
    private int year = 1;
    private int month = -1;
    private int day = -1;
    private int yearDay = -1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private boolean pm;
    private boolean pmSet;
    private Integer offsetSeconds;

    private GoTimeParser(String layout, String value) {
        this.layout = layout;
        this.value = value;
        this.rest = value;
    }

    /** Parses {@code value} with {@code layout} (or one of Go's layout names) into epoch seconds and nanos. */
    public static java.time.Instant parse(String layout, String value) {
        GoTimeParser p = new GoTimeParser(Layout.resolve(layout), value);
        return p.run();
    }

    private java.time.Instant run() {
        List<Layout.Chunk> chunks = Layout.parse(layout);
        for (int i = 0; i < chunks.size(); i++) {
            Layout.Chunk chunk = chunks.get(i);
            String before = rest;
            try {
                read(chunk);
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw cannotParse(before, chunk.text());
            }
            boolean nextIsFraction =
                    i + 1 < chunks.size() && chunks.get(i + 1).token().name().startsWith("FRAC");
            if ((chunk.token() == LayoutToken.SECOND || chunk.token() == LayoutToken.ZERO_SECOND)
                    && !nextIsFraction
                    && rest.length() > 1
                    && (rest.charAt(0) == '.' || rest.charAt(0) == ',')
                    && Character.isDigit(rest.charAt(1))) {
                int end = 1;
                while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
                    end++;
                }
                nanos = fractionNanos(rest.substring(1, end));
                rest = rest.substring(end);
            }
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("parsing time " + quote(value) + ": extra text: " + quote(rest));
        }
        return build();
    }

    private java.time.Instant build() {
        if (pmSet && pm && hour < 12) {
            hour += 12;
        } else if (pmSet && !pm && hour == 12) {
            hour = 0;
        }
        LocalDate date;
        try {
            if (yearDay >= 0 && month < 0) {
                date = LocalDate.ofYearDay(year, yearDay);
            } else {
                int m = month < 0 ? 1 : month;
                int d = day < 0 ? 1 : day;
                if (d > Month.of(m).length(java.time.Year.isLeap(year))) {
                    throw rangeError("day");
                }
                date = LocalDate.of(year, m, d);
            }
        } catch (DateTimeException e) {
            throw rangeError("day");
        }
        LocalDateTime local = date.atTime(hour, minute, second, nanos);
        int offset = offsetSeconds == null ? 0 : offsetSeconds;
        return local.toInstant(ZoneOffset.ofTotalSeconds(offset));
    }

    private void read(Layout.Chunk chunk) {
        switch (chunk.token()) {
            case LITERAL -> {
                if (!rest.startsWith(chunk.text())) {
                    throw cannotParse(rest, chunk.text());
                }
                rest = rest.substring(chunk.text().length());
            }
            case LONG_YEAR -> {
                if (rest.length() < 4 || !allDigits(rest.substring(0, 4))) {
                    throw cannotParse(rest, chunk.text());
                }
                year = Integer.parseInt(rest.substring(0, 4));
                rest = rest.substring(4);
            }
            case YEAR -> {
                int y = fixed(2, chunk);
                year = y >= 69 ? 1900 + y : 2000 + y;
            }
            case LONG_MONTH, MONTH -> month = name(chunk, true);
            case LONG_WEEKDAY, WEEKDAY -> name(chunk, false);
            case NUM_MONTH, ZERO_MONTH -> month = range(number(chunk), 1, 12, "month");
            case DAY, UNDER_DAY, ZERO_DAY -> {
                if (chunk.token() == LayoutToken.UNDER_DAY && rest.startsWith(" ")) {
                    rest = rest.substring(1);
                }
                day = range(number(chunk), 1, 31, "day");
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                if (chunk.token() == LayoutToken.UNDER_YEAR_DAY) {
                    rest = rest.replaceFirst("^ {1,2}", "");
                }
                yearDay = range(
                        chunk.token() == LayoutToken.ZERO_YEAR_DAY ? fixed(3, chunk) : loose(3), 1, 366, "day-of-year");
            }
            case HOUR -> hour = range(loose(2), 0, 23, "hour");
            case HOUR12, ZERO_HOUR12 -> hour = range(number(chunk), 0, 12, "hour");
            case MINUTE, ZERO_MINUTE -> minute = range(number(chunk), 0, 59, "minute");
            case SECOND, ZERO_SECOND -> second = range(number(chunk), 0, 59, "second");
            case PM_UPPER, PM_LOWER -> meridiem(chunk);
            case TZ_NAME -> zoneName(chunk);
            case FRAC_ZERO -> {
                int n = chunk.digits() + 1;
                if (rest.length() < n || rest.charAt(0) != chunk.text().charAt(0) || !allDigits(rest.substring(1, n))) {
                    throw cannotParse(rest, chunk.text());
                }
                nanos = fractionNanos(rest.substring(1, n));
                rest = rest.substring(n);
            }
            case FRAC_NINE -> {
                if (rest.length() < 2
                        || (rest.charAt(0) != '.' && rest.charAt(0) != ',')
                        || !Character.isDigit(rest.charAt(1))) {
                    return;
                }
                int end = 1;
                while (end < rest.length() && end < 10 && Character.isDigit(rest.charAt(end))) {
                    end++;
                }
                nanos = fractionNanos(rest.substring(1, end));
                rest = rest.substring(end);
            }
            default -> zoneOffset(chunk);
        }
    }

    private void zoneOffset(Layout.Chunk chunk) {
        if (chunk.token().isIso() && rest.startsWith("Z")) {
            rest = rest.substring(1);
            offsetSeconds = 0;
            return;
        }
        String name = chunk.token().name();
        boolean colons = name.contains("HH_MM");
        int fields = name.endsWith("SS") ? 3 : name.endsWith("MM") ? 2 : 1;
        int length = 3 + (fields - 1) * (colons ? 3 : 2);
        if (rest.length() < length || (rest.charAt(0) != '+' && rest.charAt(0) != '-')) {
            throw cannotParse(rest, chunk.text());
        }
        String text = rest.substring(0, length);
        String digits = colons ? text.substring(1).replace(":", "") : text.substring(1);
        if (digits.length() != fields * 2 || !allDigits(digits) || colons && fields > 1 && text.charAt(3) != ':') {
            throw cannotParse(rest, chunk.text());
        }
        int seconds = Integer.parseInt(digits.substring(0, 2)) * 3600;
        seconds += fields > 1 ? Integer.parseInt(digits.substring(2, 4)) * 60 : 0;
        seconds += fields > 2 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        offsetSeconds = text.charAt(0) == '-' ? -seconds : seconds;
        rest = rest.substring(length);
    }

    private void zoneName(Layout.Chunk chunk) {
        int end = 0;
        while (end < rest.length() && Character.isUpperCase(rest.charAt(end))) {
            end++;
        }
        if (end < 3) {
            throw cannotParse(rest, chunk.text());
        }
        offsetSeconds = offsetSeconds == null ? 0 : offsetSeconds;
        rest = rest.substring(end);
    }

    private void meridiem(Layout.Chunk chunk) {
        String text = rest.length() >= 2 ? rest.substring(0, 2) : rest;
        String expectedPm = chunk.token() == LayoutToken.PM_UPPER ? "PM" : "pm";
        String expectedAm = chunk.token() == LayoutToken.PM_UPPER ? "AM" : "am";
        if (!text.equals(expectedPm) && !text.equals(expectedAm)) {
            throw cannotParse(rest, chunk.text());
        }
        pm = text.equals(expectedPm);
        pmSet = true;
        rest = rest.substring(2);
    }

    private int name(Layout.Chunk chunk, boolean isMonth) {
        boolean full = chunk.token() == LayoutToken.LONG_MONTH || chunk.token() == LayoutToken.LONG_WEEKDAY;
        TextStyle style = full ? TextStyle.FULL : TextStyle.SHORT;
        int count = isMonth ? 12 : 7;
        for (int i = 1; i <= count; i++) {
            String n = isMonth
                    ? Month.of(i).getDisplayName(style, Locale.ENGLISH)
                    : java.time.DayOfWeek.of(i).getDisplayName(style, Locale.ENGLISH);
            if (rest.length() >= n.length() && rest.substring(0, n.length()).equalsIgnoreCase(n)) {
                rest = rest.substring(n.length());
                return i;
            }
        }
        throw cannotParse(rest, chunk.text());
    }

    private int number(Layout.Chunk chunk) {
        return chunk.text().startsWith("0") ? fixed(2, chunk) : loose(2);
    }

    private int fixed(int width, Layout.Chunk chunk) {
        if (rest.length() < width || !allDigits(rest.substring(0, width))) {
            throw cannotParse(rest, chunk.text());
        }
        int n = Integer.parseInt(rest.substring(0, width));
        rest = rest.substring(width);
        return n;
    }

    private int loose(int maxWidth) {
        int end = 0;
        while (end < rest.length() && end < maxWidth && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        int n = Integer.parseInt(rest.substring(0, end));
        rest = rest.substring(end);
        return n;
    }

    private int range(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw rangeError(what);
        }
        return n;
    }

    private static int fractionNanos(String digits) {
        String nine = (digits + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }

    private static boolean allDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private IllegalArgumentException rangeError(String what) {
        return new IllegalArgumentException("parsing time " + quote(value) + ": " + what + " out of range");
    }

    private IllegalArgumentException cannotParse(String valueElem, String layoutElem) {
        return new IllegalArgumentException("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
                + quote(valueElem) + " as " + quote(layoutElem));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
