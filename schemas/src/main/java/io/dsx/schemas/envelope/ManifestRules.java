package io.dsx.schemas.envelope;

import static io.dsx.schemas.envelope.EnvelopeFailure.MALFORMED;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hpke.HpkeSuite;
import io.dsx.crypto.sign.SignatureAlgorithm;

/** The field rules of a v1 manifest and envelope beyond what Avro itself checks. */
final class ManifestRules {
  private ManifestRules() {}

  static EnvelopeResult<Manifest> check(
      Manifest m, EnvelopeLimits limits, byte[] enc, byte[] ciphertext, byte[] signature) {
    if (!UuidV7.isCanonical(m.contributionId())) {
      return EnvelopeResult.failed(MALFORMED, "contributionId is not a lower-case UUIDv7");
    }
    for (String[] id : new String[][] {
        {"institutionId", m.institutionId()}, {"datasetId", m.datasetId()},
        {"recipientKeyId", m.recipientKeyId()}, {"signerKeyId", m.signerKeyId()}}) {
      if (id[1].isBlank() || id[1].length() > ContributionEnvelope.MAX_ID_CHARS) {
        return EnvelopeResult.failed(MALFORMED,
            id[0] + " must be 1 to " + ContributionEnvelope.MAX_ID_CHARS + " characters");
      }
    }
    if (m.schemaVersion() < 1) {
      return EnvelopeResult.failed(MALFORMED, "schemaVersion must be 1 or more");
    }
    if (m.recordCount() < 1) {
      return EnvelopeResult.failed(MALFORMED, "recordCount must be 1 or more");
    }
    if (m.recordCount() > limits.maxRecords()) {
      return EnvelopeResult.failed(EnvelopeFailure.TOO_LARGE,
          "recordCount " + m.recordCount() + " exceeds the limit " + limits.maxRecords());
    }
    try {
      SignatureAlgorithm.fromWireName(m.signatureAlgorithm());
    } catch (CryptoException e) {
      return EnvelopeResult.failed(EnvelopeFailure.UNSUPPORTED_ALGORITHM,
          "unknown signatureAlgorithm; known: " + java.util.Arrays.stream(SignatureAlgorithm.values())
              .map(SignatureAlgorithm::wireName).toList());
    }
    if (enc.length != HpkeSuite.ENC_LENGTH) {
      return EnvelopeResult.failed(MALFORMED, "enc must be " + HpkeSuite.ENC_LENGTH + " bytes");
    }
    if (ciphertext.length < ContributionEnvelope.AEAD_TAG_BYTES) {
      return EnvelopeResult.failed(MALFORMED, "ciphertext shorter than the AEAD tag");
    }
    if (signature.length < 1 || signature.length > ContributionEnvelope.MAX_SIGNATURE_BYTES) {
      return EnvelopeResult.failed(MALFORMED,
          "signature must be 1 to " + ContributionEnvelope.MAX_SIGNATURE_BYTES + " bytes");
    }
    return EnvelopeResult.ok(m);
  }
}
