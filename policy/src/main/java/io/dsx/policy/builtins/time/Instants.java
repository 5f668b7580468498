package io.dsx.policy.builtins.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Nanosecond instants as OPA's time builtins see them: an int64 count of nanoseconds since the epoch
 * (so 1677-09-21 to 2262-04-11), shown in a zone. Conversions fail with OPA's texts
 * ("timestamp too big", "time outside of valid range").
 */
public final class Instants {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    private static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private Instants() {}

    /** The instant {@code nanos} after the epoch in {@code zone}; fails unless it is an exact int64. */
    public static ZonedDateTime at(BigDecimal nanos, ZoneId zone) {
        BigInteger whole;
        try {
            whole = nanos.toBigIntegerExact();
            whole.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("timestamp too big");
        }
        BigInteger[] qr = whole.divideAndRemainder(NANOS_PER_SECOND);
        return Instant.ofEpochSecond(qr[0].longValue(), qr[1].longValue()).atZone(zone);
    }

    /** Resolves a zone name as Go's {@code time.LoadLocation} does for OPA ("" and "UTC" are UTC). */
    public static ZoneId zone(String name) {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone " + name);
        }
    }

    /** Nanoseconds since the epoch, failing outside the int64 range as OPA does. */
    public static BigInteger toNanos(Instant t) {
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new IllegalArgumentException("time outside of valid range");
        }
        return BigInteger.valueOf(t.getEpochSecond()).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(t.getNano()));
    }

    /** Go's {@code AddDate}: adds years, months and days, normalising overflowing fields (Jan 31 + 1 month = Mar 3). */
    public static Instant addDate(ZonedDateTime t, long years, long months, long days) {
        long totalMonths = t.getYear() * 12L + (t.getMonthValue() - 1) + years * 12 + months;
        long year = Math.floorDiv(totalMonths, 12);
        int month = (int) Math.floorMod(totalMonths, 12) + 1;
        ZonedDateTime first = ZonedDateTime.of(
                (int) year, month, 1, t.getHour(), t.getMinute(), t.getSecond(), t.getNano(), t.getZone());
        return first.plusDays(t.getDayOfMonth() - 1 + days).toInstant();
    }

    public static String weekday(ZonedDateTime t) {
        DayOfWeek d = t.getDayOfWeek();
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** OPA's {@code time.diff}: [years, months, days, hours, minutes, seconds] between two instants. */
    public static List<Integer> diff(ZonedDateTime a, ZonedDateTime b) {
        ZonedDateTime t1 = a;
        ZonedDateTime t2 = b.withZoneSameInstant(a.getZone());
        if (t1.isAfter(t2)) {
            ZonedDateTime swap = t1;
            t1 = t2;
            t2 = swap;
        }
        int year = t2.getYear() - t1.getYear();
        int month = t2.getMonthValue() - t1.getMonthValue();
        int day = t2.getDayOfMonth() - t1.getDayOfMonth();
        int hour = t2.getHour() - t1.getHour();
        int min = t2.getMinute() - t1.getMinute();
        int sec = t2.getSecond() - t1.getSecond();
        if (sec < 0) {
            sec += 60;
            min--;
        }
        if (min < 0) {
            min += 60;
            hour--;
        }
        if (hour < 0) {
            hour += 24;
            day--;
        }
        if (day < 0) {
            day += t1.toLocalDate().lengthOfMonth();
            month--;
        }
        if (month < 0) {
            month += 12;
            year--;
        }
        return List.of(year, month, day, hour, min, sec);
    }
}
