package io.dsx.schemas.envelope;

/**
 * Size limits a gateway applies before and while opening an envelope.
 *
 * @param maxEnvelopeBytes largest accepted envelope body
 * @param maxRecords most records in one contribution
 */
public record EnvelopeLimits(long maxEnvelopeBytes, long maxRecords) {
    /** 64 MiB and one million records. */
    public static final EnvelopeLimits DEFAULT = new EnvelopeLimits(64L << 20, 1_000_000);

    public EnvelopeLimits {
        if (maxEnvelopeBytes < 1 || maxEnvelopeBytes > Integer.MAX_VALUE - 8 || maxRecords < 1) {
            throw new IllegalArgumentException("limits must be positive and below 2 GiB");
        }
    }
}
