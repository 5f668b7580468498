package io.dsx.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void carriesTheClockMillisVersion7AndTheRfcVariant() {
        Instant t = Instant.ofEpochMilli(0x0190_c0de_1234L);
        UUID id = new UuidV7(Clock.fixed(t, ZoneOffset.UTC), new Random(1)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
        assertThat(id.toString()).startsWith("0190c0de-1234-7").matches(UuidV7::isCanonical);
    }

    @Test
    void sameClockAndRandomGiveTheSameIdAndOtherRandomsDiffer() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        assertThat(new UuidV7(clock, new Random(5)).next()).isEqualTo(new UuidV7(clock, new Random(5)).next());
        assertThat(new UuidV7(clock, new Random(5)).next()).isNotEqualTo(new UuidV7(clock, new Random(6)).next());
    }

    @Test
    void acceptsOnlyCanonicalLowerCaseVersion7Text() {
        assertThat(UuidV7.isCanonical("0190c0de-1234-7abc-8def-0123456789ab")).isTrue();
        assertThat(UuidV7.isCanonical("0190C0DE-1234-7ABC-8DEF-0123456789AB")).isFalse();
        assertThat(UuidV7.isCanonical("0190c0de-1234-4abc-8def-0123456789ab")).isFalse();
        assertThat(UuidV7.isCanonical("0190c0de-1234-7abc-cdef-0123456789ab")).isFalse();
        assertThat(UuidV7.isCanonical("0190c0de12347abc8def0123456789ab")).isFalse();
    }
}
