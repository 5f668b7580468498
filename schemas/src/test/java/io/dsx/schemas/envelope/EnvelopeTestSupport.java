package io.dsx.schemas.envelope;

import java.security.PublicKey;

/** Lets tests of other packages build the fixed test envelope. */
public final class EnvelopeTestSupport {
    private static final EnvelopeFixture FIXTURE = new EnvelopeFixture();

    private EnvelopeTestSupport() {}

    public static ContributionEnvelope envelope(int records) {
        return FIXTURE.build(records);
    }

    public static PublicKey institutionKey() {
        return FIXTURE.institution.publicKey();
    }
}
