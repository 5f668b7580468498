package io.dsx.schemas.envelope;

import static io.dsx.schemas.envelope.EnvelopeResult.failed;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.ConstantTime;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.crypto.sign.Signatures;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.record.RecordFraming;
import io.dsx.schemas.record.RecordValidator;
import io.dsx.schemas.wire.WireFormatException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The gateway side of envelope v1, in the order the gateway must run it: {@link #verify} the
 * signature with the signer's certificate, then {@link #open}: HPKE-open (aad = the manifest bytes
 * as received), split the framing, check the count, the Merkle root and that every record is valid
 * under the manifest's schema version (bounded: {@link RecordValidator}). All or nothing: any failure gives no records.
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
        boolean valid = Signatures.verify(
                signerKey, envelope.signatureAlgorithm(), envelope.signedBytes(), envelope.signature());
        if (!valid) {
            return failed(
                    EnvelopeFailure.BAD_SIGNATURE,
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
                    manifest.recipientKeyId(),
                    envelope.sealed(),
                    ContributionEnvelope.hpkeInfo(),
                    envelope.manifestBytes());
        } catch (CryptoException e) {
            return e.reason() == CryptoException.Reason.UNKNOWN_KEY
                    ? failed(EnvelopeFailure.UNKNOWN_RECIPIENT_KEY, "no gateway key " + manifest.recipientKeyId())
                    : failed(
                            EnvelopeFailure.DECRYPT_FAILED,
                            "the payload does not open with key " + manifest.recipientKeyId());
        }
        boolean handedOver = false;
        try {
            EnvelopeResult<OpenedContribution> result =
                    checkRecords(verified, RecordFraming.index(plaintext, limits.maxRecords()), schema);
            handedOver = result instanceof EnvelopeResult.Ok<OpenedContribution>;
            return result;
        } catch (WireFormatException e) {
            return failed(EnvelopeFailure.MALFORMED, "record framing: " + e.getMessage());
        } finally {
            if (!handedOver) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static EnvelopeResult<OpenedContribution> checkRecords(
            VerifiedEnvelope verified, RecordFrames frames, DatasetSchema schema) {
        Manifest manifest = verified.manifest();
        if (frames.count() != manifest.recordCount()) {
            return failed(
                    EnvelopeFailure.COUNT_MISMATCH,
                    "manifest says " + manifest.recordCount() + " records, payload holds " + frames.count());
        }
        if (!ConstantTime.equals(MerkleTree.ofLeafHashes(frames.leafHashes()).root(), manifest.merkleRoot())) {
            return failed(EnvelopeFailure.MERKLE_MISMATCH, "the records' Merkle root differs from the manifest's");
        }
        RecordValidator validator = new RecordValidator(schema.avro());
        for (int i = 0; i < frames.count(); i++) {
            try {
                validator.check(frames.bytes(), frames.recordStart(i), frames.recordLength(i));
            } catch (WireFormatException e) {
                return failed(
                        EnvelopeFailure.BAD_RECORD,
                        "record " + i + " is not valid under schema version " + manifest.schemaVersion() + ": "
                                + e.getMessage());
            }
        }
        return EnvelopeResult.ok(new OpenedContribution(verified, frames, schema));
    }
}
