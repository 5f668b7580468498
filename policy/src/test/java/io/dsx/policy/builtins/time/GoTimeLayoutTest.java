package io.dsx.policy.builtins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class GoTimeLayoutTest {

    private static final ZonedDateTime SAMPLE =
            Instants.at(new BigDecimal("1670006453141828752"), ZoneId.of("Asia/Kolkata"));

    @Test
    void formatsRfc3339NanoInUtcWithZ() {
        ZonedDateTime utc = Instants.at(new BigDecimal("1670006453141828752"), Instants.zone(""));
        assertThat(GoTimeFormatter.format(utc, "RFC3339Nano")).isEqualTo("2022-12-02T18:40:53.141828752Z");
        assertThat(GoTimeFormatter.format(SAMPLE, "RFC3339Nano")).isEqualTo("2022-12-03T00:10:53.141828752+05:30");
    }

    @Test
    void formatsCustomLayoutsAndNamedConstants() {
        assertThat(GoTimeFormatter.format(SAMPLE, "Mon Jan 02 15:04:05 -0700 2006"))
                .isEqualTo("Sat Dec 03 00:10:53 +0530 2022");
        assertThat(GoTimeFormatter.format(SAMPLE, "RFC1123Z")).isEqualTo("Sat, 03 Dec 2022 00:10:53 +0530");
        assertThat(GoTimeFormatter.format(SAMPLE, "3:04PM, January _2 .000")).isEqualTo("12:10AM, December  3 .141");
        assertThat(GoTimeFormatter.format(SAMPLE, "MST")).isEqualTo("IST");
    }

    @Test
    void parsesRfc3339WithOffsetsAndFractions() {
        assertThat(GoTimeParser.parse("RFC3339", "2017-06-02T19:00:00-07:00"))
                .isEqualTo(Instant.ofEpochSecond(1496455200L));
        assertThat(Instants.toNanos(GoTimeParser.parse("RFC3339", "2262-04-11T23:47:16.854775807-00:00")))
                .isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Instants.toNanos(GoTimeParser.parse("RFC3339", "2262-04-11T23:47:16.854775808-00:00")))
                .hasMessage("time outside of valid range");
    }

    @Test
    void parsesCustomLayoutsAndReportsGoErrors() {
        assertThat(GoTimeParser.parse("2006-01-02", "2020-02-29")).isEqualTo(Instant.parse("2020-02-29T00:00:00Z"));
        assertThat(GoTimeParser.parse("Jan _2 2006 3:04pm", "Feb  5 2018 1:30pm"))
                .isEqualTo(Instant.parse("2018-02-05T13:30:00Z"));
        assertThatThrownBy(() -> GoTimeParser.parse("2006-01-02", "2020-13-01"))
                .hasMessage("parsing time \"2020-13-01\": month out of range");
        assertThatThrownBy(() -> GoTimeParser.parse("2006-01-02", "20-01-01"))
                .hasMessage("parsing time \"20-01-01\" as \"2006-01-02\": cannot parse \"20-01-01\" as \"2006\"");
        assertThatThrownBy(() -> GoTimeParser.parse("2006", "2006x"))
                .hasMessage("parsing time \"2006x\": extra text: \"x\"");
    }

    @Test
    void parsesGoDurations() {
        assertThat(GoDuration.parseNanos("100ms")).isEqualTo(100_000_000L);
        assertThat(GoDuration.parseNanos("-1h30m")).isEqualTo(-5_400_000_000_000L);
        assertThat(GoDuration.parseNanos("1.5\u00b5s")).isEqualTo(1500L);
        assertThatThrownBy(() -> GoDuration.parseNanos("1")).hasMessage("time: missing unit in duration \"1\"");
        assertThatThrownBy(() -> GoDuration.parseNanos("1x")).hasMessage("time: unknown unit \"x\" in duration \"1x\"");
    }

    @Test
    void addDateNormalisesAndRejectsOutOfRangeResults() {
        ZonedDateTime t = Instants.at(new BigDecimal("1585852421593912000"), Instants.zone("UTC"));
        assertThat(Instants.toNanos(Instants.addDate(t, 3, 9, 12))).isEqualTo(1705257221593912000L);
        assertThat(Instants.toNanos(Instants.addDate(t, -1, -1, -1))).isEqualTo(1551465221593912000L);
        ZonedDateTime min = Instants.at(new BigDecimal(Long.MIN_VALUE), Instants.zone("UTC"));
        assertThatThrownBy(() -> Instants.toNanos(Instants.addDate(min, 0, 0, -1)))
                .hasMessage("time outside of valid range");
        assertThatThrownBy(() ->
                        Instants.at(new BigDecimal("1582977600").multiply(new BigDecimal("1e12")), Instants.zone("")))
                .hasMessage("timestamp too big");
    }

    @Test
    void diffCountsCalendarFields() {
        ZonedDateTime a = Instants.at(new BigDecimal("0"), Instants.zone(""));
        ZonedDateTime b = Instants.at(new BigDecimal("1585852421593912000"), Instants.zone(""));
        assertThat(Instants.diff(b, a)).containsExactly(50, 3, 1, 18, 33, 41);
    }
}
