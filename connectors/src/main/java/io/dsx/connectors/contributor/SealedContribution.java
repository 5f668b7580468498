package io.dsx.connectors.contributor;

import io.dsx.schemas.envelope.ContributionEnvelope;

/**
 * An envelope ready to upload, with its bytes encoded once: they are what is sent, what a resumable
 * run keeps on disk, and what is sent again after an interruption.
 */
public record SealedContribution(ContributionEnvelope envelope, byte[] bytes) {

    public static SealedContribution of(ContributionEnvelope envelope) {
        return new SealedContribution(envelope, envelope.toBytes());
    }

    public String contributionId() {
        return envelope.manifest().contributionId();
    }
}
