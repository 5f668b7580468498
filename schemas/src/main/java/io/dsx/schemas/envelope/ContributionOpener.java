package io.dsx.schemas.envelope;

import static io.dsx.schemas.envelope.EnvelopeResult.failed;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.ConstantTime;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.sign.Signatures;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordCodec;
import io.dsx.schemas.record.RecordFraming;
import io.dsx.schemas.wire.WireFormatException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gateway side of envelope v1, in the order the gateway must run it: {@link #verify} the
 * signature with the signer's certificate, then {@link #open}: HPKE-open (aad = the manifest bytes
 * as received), split the framing, check the count, the Merkle root and that every record decodes
 * under the manifest's schema version. All or nothing: any failure gives no records.
 */
public final class ContributionOpener {

  /** Opens an HPKE payload sealed to one of the gateway's keys ({@code GatewayKeyStore::open}). */
  @FunctionalInterface
  public interface Decryptor {
    byte[] open(String recipientKeyId, Sealed sealed, byte[] info, byte[] aad) throws CryptoException;
  }

  private ContributionOpener() {}

  /**
   * Checks the signature over {@code manifest bytes || SHA-256(enc || ciphertext)}. The caller
   * has already checked that {@code signerCertificate} is a registered, unrevoked key of the
   * manifest's institution with id {@code signerKeyId}.
   */
  public static EnvelopeResult<VerifiedEnvelope> verify(
      ContributionEnvelope envelope, X509Certificate signerCertificate) {
    return verify(envelope, signerCertificate.getPublicKey());
  }

  /** As {@link #verify(ContributionEnvelope, X509Certificate)} with the certificate's public key. */
  public static EnvelopeResult<VerifiedEnvelope> verify(ContributionEnvelope envelope, PublicKey signerKey) {
    boolean valid =
        Signatures.verify(signerKey, envelope.signatureAlgorithm(), envelope.signedBytes(), envelope.signature());
    if (!valid) {
      return failed(EnvelopeFailure.BAD_SIGNATURE,
          "signature does not verify with key " + envelope.manifest().signerKeyId() + " ("
              + envelope.manifest().signatureAlgorithm() + ")");
    }
    return EnvelopeResult.ok(new VerifiedEnvelope(envelope));
  }

  /**
   * Decrypts and checks every record. {@code schema} must be the dataset schema version the
   * manifest names (the caller looks it up by datasetId and schemaVersion).
   */
  public static EnvelopeResult<OpenedContribution> open(
      VerifiedEnvelope verified, Decryptor decryptor, DatasetSchema schema, EnvelopeLimits limits) {
    ContributionEnvelope envelope = verified.envelope();
    Manifest manifest = envelope.manifest();
    byte[] plaintext;
    try {
      plaintext = decryptor.open(
          manifest.recipientKeyId(), envelope.sealed(), ContributionEnvelope.hpkeInfo(), envelope.manifestBytes());
    } catch (CryptoException e) {
      return e.reason() == CryptoException.Reason.UNKNOWN_KEY
          ? failed(EnvelopeFailure.UNKNOWN_RECIPIENT_KEY, "no gateway key " + manifest.recipientKeyId())
          : failed(EnvelopeFailure.DECRYPT_FAILED, "the payload does not open with key " + manifest.recipientKeyId());
    }
    try {
      return checkRecords(verified, RecordFraming.split(plaintext, limits.maxRecords()), schema);
    } catch (WireFormatException e) {
      return failed(EnvelopeFailure.MALFORMED, "record framing: " + e.getMessage());
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static EnvelopeResult<OpenedContribution> checkRecords(
      VerifiedEnvelope verified, List<FramedRecord> framed, DatasetSchema schema) {
    Manifest manifest = verified.manifest();
    if (framed.size() != manifest.recordCount()) {
      return failed(EnvelopeFailure.COUNT_MISMATCH,
          "manifest says " + manifest.recordCount() + " records, payload holds " + framed.size());
    }
    if (!ConstantTime.equals(MerkleRoots.of(framed), manifest.merkleRoot())) {
      return failed(EnvelopeFailure.MERKLE_MISMATCH, "the records' Merkle root differs from the manifest's");
    }
    List<OpenedRecord> records = new ArrayList<>(framed.size());
    RecordCodec codec = RecordCodec.of(schema);
    for (int i = 0; i < framed.size(); i++) {
      FramedRecord r = framed.get(i);
      try {
        records.add(new OpenedRecord(i, r.salt(), r.record(), codec.decode(r.record())));
      } catch (WireFormatException e) {
        return failed(EnvelopeFailure.BAD_RECORD,
            "record " + i + " is not valid under schema version " + manifest.schemaVersion() + ": " + e.getMessage());
      }
    }
    return EnvelopeResult.ok(new OpenedContribution(verified, records));
  }
}
