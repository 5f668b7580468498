package io.dsx.schemas.envelope;

import static io.dsx.schemas.envelope.EnvelopeFailure.MALFORMED;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.StrictBinaryDecoder;
import io.dsx.schemas.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A parsed contribution envelope v1: the manifest with its exact received bytes, and the sealed
 * payload and signature. Parsing checks form only; {@link ContributionOpener} checks the rest.
 */
public final class ContributionEnvelope {
    /** The HTTP media type of an envelope v1 body ({@code POST /v1/datasets/{id}/contributions}). */
    public static final String MEDIA_TYPE = "application/vnd.dsx.contribution.v1+avro";

    /** HPKE info string of envelope v1. */
    public static final String HPKE_INFO = "dsx/contribution/v1";

    static final int MAX_SIGNATURE_BYTES = 1024;
    static final int AEAD_TAG_BYTES = 16;
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private final Manifest manifest;
    private final byte[] manifestBytes;
    private final byte[] enc;
    private final byte[] ciphertext;
    private final byte[] signature;
    private volatile byte[] payloadDigest;

    ContributionEnvelope(Manifest manifest, byte[] manifestBytes, byte[] enc, byte[] ciphertext, byte[] signature) {
        this.manifest = manifest;
        this.manifestBytes = manifestBytes;
        this.enc = enc;
        this.ciphertext = ciphertext;
        this.signature = signature;
    }

    /** Parses a body: size limit first, then the version, then strictly the rest. */
    public static EnvelopeResult<ContributionEnvelope> parse(byte[] body, EnvelopeLimits limits) {
        if (body.length > limits.maxEnvelopeBytes()) {
            return EnvelopeResult.failed(
                    EnvelopeFailure.TOO_LARGE,
                    "envelope is " + body.length + " bytes, limit " + limits.maxEnvelopeBytes());
        }
        try {
            int version = new StrictBinaryDecoder(body).readInt();
            if (version != Manifest.VERSION) {
                return EnvelopeResult.failed(
                        EnvelopeFailure.UNSUPPORTED_VERSION,
                        "envelope version " + version + ", this gateway reads version " + Manifest.VERSION);
            }
            StrictBinaryDecoder in = new StrictBinaryDecoder(body);
            GenericRecord m = (GenericRecord) AvroBinary.decodeNext(DsxSchemas.CONTRIBUTION_MANIFEST, in);
            byte[] manifestBytes = Arrays.copyOf(body, in.position());
            byte[] enc = bytes(in);
            byte[] ciphertext = bytes(in);
            byte[] signature = bytes(in);
            if (!in.isEnd()) {
                return EnvelopeResult.failed(MALFORMED, in.remainingBytes() + " trailing bytes after the envelope");
            }
            Manifest manifest = Manifest.fromAvro(m);
            return ManifestRules.check(manifest, limits, enc, ciphertext, signature)
                    .then(ok -> EnvelopeResult.ok(
                            new ContributionEnvelope(manifest, manifestBytes, enc, ciphertext, signature)));
        } catch (WireFormatException e) {
            return EnvelopeResult.failed(MALFORMED, "not a contribution envelope v1: " + e.getMessage());
        }
    }

    private static byte[] bytes(StrictBinaryDecoder in) throws WireFormatException {
        ByteBuffer b = in.readBytes(null);
        return b.array();
    }

    /** The envelope's Avro binary (schema {@code Contribution.avsc}). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(manifestBytes.length + ciphertext.length + 128);
        out.writeBytes(manifestBytes);
        for (byte[] field : new byte[][] {enc, ciphertext, signature}) {
            out.writeBytes(AvroBinary.encode(BYTES, ByteBuffer.wrap(field)));
        }
        return out.toByteArray();
    }

    /** The signature input: {@code manifest bytes || SHA-256(enc || ciphertext)}. */
    public byte[] signedBytes() {
        return signedInput(manifestBytes, digest());
    }

    static byte[] signedBytes(byte[] manifestBytes, byte[] enc, byte[] ciphertext) {
        return signedInput(manifestBytes, Sha256.digest(enc, ciphertext));
    }

    /**
     * The one definition of what an institution signs (docs/formats.md §6):
     * {@code manifest bytes || payloadDigest}; the ledger re-checks signatures with it.
     */
    public static byte[] signedInput(byte[] manifestBytes, byte[] payloadDigest) {
        byte[] out = Arrays.copyOf(manifestBytes, manifestBytes.length + payloadDigest.length);
        System.arraycopy(payloadDigest, 0, out, manifestBytes.length, payloadDigest.length);
        return out;
    }

    /** SHA-256(enc || ciphertext), computed once: the ciphertext is the bulk of the envelope. */
    private byte[] digest() {
        byte[] d = payloadDigest;
        if (d == null) {
            d = Sha256.digest(enc, ciphertext);
            payloadDigest = d;
        }
        return d;
    }

    static byte[] hpkeInfo() {
        return HPKE_INFO.getBytes(StandardCharsets.UTF_8);
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The manifest exactly as received: the HPKE aad and the start of the signed bytes. */
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    /** SHA-256(enc || ciphertext), kept in the ledger entry. */
    public byte[] payloadDigest() {
        return digest().clone();
    }

    /** The HPKE output as received (shared, not copied: public values, read-only). */
    public Sealed sealed() {
        return new Sealed(enc, ciphertext);
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The manifest's algorithm; parse already refused unknown names. */
    public SignatureAlgorithm signatureAlgorithm() {
        try {
            return SignatureAlgorithm.fromWireName(manifest.signatureAlgorithm());
        } catch (CryptoException e) {
            throw new IllegalStateException("parse admitted an unknown algorithm", e);
        }
    }

    @Override
    public String toString() {
        return "ContributionEnvelope[" + manifest + ", " + ciphertext.length + " ciphertext bytes]";
    }
}
