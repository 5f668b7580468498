package io.dsx.crypto.dek;

import java.time.Duration;
import java.util.Objects;

/**
 * When a dataset's DEK is retired for writing: after {@code maxRecords} encryptions or once it is
 * {@code maxAge} old, whichever comes first. Retired DEKs still decrypt.
 */
public record DekPolicy(long maxRecords, Duration maxAge) {

    /** Random 96-bit nonces stay safe to 2^32 messages per key (SP 800-38D §8.3); stay far below. */
    public static final long MAX_RECORDS_LIMIT = 1L << 30;

    /** One million records or one day. */
    public static final DekPolicy DEFAULT = new DekPolicy(1_000_000, Duration.ofDays(1));

    public DekPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxRecords < 1 || maxRecords > MAX_RECORDS_LIMIT) {
            throw new IllegalArgumentException("maxRecords must be 1.." + MAX_RECORDS_LIMIT + ", was " + maxRecords);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
    }
}
