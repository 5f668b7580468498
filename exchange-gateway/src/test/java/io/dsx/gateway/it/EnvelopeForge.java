package io.dsx.gateway.it;

import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.hpke.Hpke;
import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.envelope.UuidV7;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordCodec;
import io.dsx.schemas.record.RecordFraming;
import io.dsx.schemas.wire.AvroBinary;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes contribution envelopes byte by byte as docs/formats.md defines them, with hooks to make
 * them wrong in one precise way while keeping the rest valid (a dishonest or buggy contributor that
 * still signs what it sends). Honest envelopes come from schemas' ContributionBuilder instead.
 */
final class EnvelopeForge {

    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to tamper with; the defaults forge nothing. */
    record Tamper(UnaryOperator<Manifest> manifest, boolean flipCiphertextBit, boolean resignAfterTamper) {
        static Tamper none() {
            return new Tamper(UnaryOperator.identity(), false, true);
        }
    }

    static byte[] forge(
            String institution,
            String dataset,
            int schemaVersion,
            DatasetSchema schema,
            List<GenericRecord> records,
            HpkePublicKey recipient,
            SigningKey signer,
            String signerKeyId,
            Tamper tamper) {
        List<FramedRecord> framed = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (GenericRecord r : records) {
            byte[] salt = new byte[RecordFraming.SALT_BYTES];
            RANDOM.nextBytes(salt);
            byte[] bytes = RecordCodec.of(schema).encode(r);
            framed.add(new FramedRecord(salt, bytes));
            leaves.add(MerkleTree.leafHash(salt, bytes));
        }
        Manifest manifest = tamper.manifest()
                .apply(new Manifest(
                        Manifest.VERSION,
                        uuid7(),
                        institution,
                        dataset,
                        schemaVersion,
                        Instant.now(),
                        framed.size(),
                        MerkleTree.ofLeafHashes(leaves).root(),
                        recipient.keyId(),
                        signerKeyId,
                        signer.algorithm().wireName()));
        byte[] manifestBytes = manifest.toBytes();
        Sealed sealed = Hpke.seal(
                recipient,
                "dsx/contribution/v1".getBytes(StandardCharsets.UTF_8),
                manifestBytes,
                RecordFraming.frame(framed));
        byte[] ciphertext = sealed.ciphertext();
        if (tamper.flipCiphertextBit()) {
            ciphertext[ciphertext.length / 2] ^= 0x01;
        }
        byte[] signed = Arrays.copyOf(manifestBytes, manifestBytes.length + 32);
        System.arraycopy(Sha256.digest(sealed.enc(), ciphertext), 0, signed, manifestBytes.length, 32);
        byte[] signature = signer.sign(signed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(manifestBytes);
        for (byte[] field : new byte[][] {sealed.enc(), ciphertext, signature}) {
            out.writeBytes(AvroBinary.encode(BYTES, ByteBuffer.wrap(field)));
        }
        return out.toByteArray();
    }

    /** A UUIDv7 (time-ordered) as the manifest requires. */
    static String uuid7() {
        return new UuidV7(java.time.Clock.systemUTC(), RANDOM).next().toString();
    }
}
