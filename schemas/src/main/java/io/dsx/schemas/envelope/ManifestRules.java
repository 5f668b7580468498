package io.dsx.schemas.envelope;

import static io.dsx.schemas.envelope.EnvelopeFailure.MALFORMED;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hpke.HpkeSuite;
import io.dsx.crypto.sign.SignatureAlgorithm;
import java.util.regex.Pattern;

/** The field rules of a v1 manifest and envelope beyond what Avro itself checks. */
final class ManifestRules {
    /**
     * Institution and dataset ids: what a Kafka topic name allows ({@code dsx.data.<datasetId>}),
     * and no '|' (the stored-record aad separator).
     */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    static final Pattern KEY_ID = Pattern.compile("[!-{}~]{1,256}");

    private ManifestRules() {}

    static EnvelopeResult<Manifest> check(
            Manifest m, EnvelopeLimits limits, byte[] enc, byte[] ciphertext, byte[] signature) {
        if (!UuidV7.isCanonical(m.contributionId())) {
            return EnvelopeResult.failed(MALFORMED, "contributionId is not a lower-case UUIDv7");
        }
        for (String[] id : new String[][] {{"institutionId", m.institutionId()}, {"datasetId", m.datasetId()}}) {
            if (!NAME.matcher(id[1]).matches()) {
                return EnvelopeResult.failed(MALFORMED, id[0] + " must match " + NAME.pattern());
            }
        }
        for (String[] id : new String[][] {{"recipientKeyId", m.recipientKeyId()}, {"signerKeyId", m.signerKeyId()}}) {
            if (!KEY_ID.matcher(id[1]).matches()) {
                return EnvelopeResult.failed(
                        MALFORMED, id[0] + " must be 1 to 256 printable ASCII characters without '|'");
            }
        }
        if (m.schemaVersion() < 1) {
            return EnvelopeResult.failed(MALFORMED, "schemaVersion must be 1 or more");
        }
        if (m.recordCount() < 1) {
            return EnvelopeResult.failed(MALFORMED, "recordCount must be 1 or more");
        }
        if (m.recordCount() > limits.maxRecords()) {
            return EnvelopeResult.failed(
                    EnvelopeFailure.TOO_LARGE,
                    "recordCount " + m.recordCount() + " exceeds the limit " + limits.maxRecords());
        }
        try {
            SignatureAlgorithm.fromWireName(m.signatureAlgorithm());
        } catch (CryptoException e) {
            return EnvelopeResult.failed(
                    EnvelopeFailure.UNSUPPORTED_ALGORITHM,
                    "unknown signatureAlgorithm; known: "
                            + java.util.Arrays.stream(SignatureAlgorithm.values())
                                    .map(SignatureAlgorithm::wireName)
                                    .toList());
        }
        if (enc.length != HpkeSuite.ENC_LENGTH) {
            return EnvelopeResult.failed(MALFORMED, "enc must be " + HpkeSuite.ENC_LENGTH + " bytes");
        }
        if (ciphertext.length < ContributionEnvelope.AEAD_TAG_BYTES) {
            return EnvelopeResult.failed(MALFORMED, "ciphertext shorter than the AEAD tag");
        }
        if (signature.length < 1 || signature.length > ContributionEnvelope.MAX_SIGNATURE_BYTES) {
            return EnvelopeResult.failed(
                    MALFORMED, "signature must be 1 to " + ContributionEnvelope.MAX_SIGNATURE_BYTES + " bytes");
        }
        return EnvelopeResult.ok(m);
    }
}
