package io.dsx.schemas.envelope;

/**
 * An envelope whose signature checked out with the signer's certificate. Only
 * {@link ContributionOpener#verify} makes one, so {@link ContributionOpener#open} cannot be reached
 * with an unverified envelope: the gateway checks the signature before decrypting.
 */
public final class VerifiedEnvelope {
    private final ContributionEnvelope envelope;

    VerifiedEnvelope(ContributionEnvelope envelope) {
        this.envelope = envelope;
    }

    public ContributionEnvelope envelope() {
        return envelope;
    }

    public Manifest manifest() {
        return envelope.manifest();
    }

    @Override
    public String toString() {
        return "Verified" + envelope;
    }
}
