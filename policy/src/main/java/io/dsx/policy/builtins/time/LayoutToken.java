package io.dsx.policy.builtins.time;

/** The elements of a Go time layout ({@code "2006-01-02T15:04:05Z07:00"}), as Go's time package names them. */
enum LayoutToken {
    LITERAL,
    LONG_MONTH,
    MONTH,
    NUM_MONTH,
    ZERO_MONTH,
    LONG_WEEKDAY,
    WEEKDAY,
    DAY,
    UNDER_DAY,
    ZERO_DAY,
    UNDER_YEAR_DAY,
    ZERO_YEAR_DAY,
    HOUR,
    HOUR12,
    ZERO_HOUR12,
    MINUTE,
    ZERO_MINUTE,
    SECOND,
    ZERO_SECOND,
    LONG_YEAR,
    YEAR,
    PM_UPPER,
    PM_LOWER,
    TZ_NAME,
    ISO_HHMMSS,
    ISO_HH_MM_SS,
    ISO_HHMM,
    ISO_HH_MM,
    ISO_HH,
    NUM_HHMMSS,
    NUM_HH_MM_SS,
    NUM_HHMM,
    NUM_HH_MM,
    NUM_HH,
    FRAC_ZERO,
    FRAC_NINE;

    boolean isIso() {
        return this == ISO_HHMMSS || this == ISO_HH_MM_SS || this == ISO_HHMM || this == ISO_HH_MM || this == ISO_HH;
    }

    boolean isNumericZone() {
        return isIso()
                || this == NUM_HHMMSS
                || this == NUM_HH_MM_SS
                || this == NUM_HHMM
                || this == NUM_HH_MM
                || this == NUM_HH;
    }
}
