package io.dsx.schemas.envelope;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDv7 (RFC 9562 section 5.7): 48-bit Unix milliseconds, version 7, 74 random bits. Clock and
 * random are injected so tests are exact; production passes a {@link java.security.SecureRandom}.
 */
public final class UuidV7 {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final Clock clock;
    private final Random random;

    public UuidV7(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public UUID next() {
        long millis = clock.millis();
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Whether {@code s} is a UUIDv7 in canonical lower-case text form. */
    public static boolean isCanonical(String s) {
        return s.length() == 36 && CANONICAL.matcher(s).matches();
    }
}
