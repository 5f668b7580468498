package io.dsx.schemas.envelope;

import io.dsx.crypto.hpke.Hpke;
import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordCodec;
import io.dsx.schemas.record.RecordFraming;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * The contributor side of envelope v1: encode and salt each record, compute the Merkle root,
 * write the manifest, seal the framed records to the gateway's key (aad = manifest bytes) and
 * sign {@code manifest bytes || SHA-256(enc || ciphertext)}. Clock and random are injected: the
 * random gives the contribution id, the salts and the HPKE ephemeral key.
 */
public final class ContributionBuilder {

    /**
     * Who contributes what to whom.
     *
     * @param signerKeyId the id of {@code signer}'s registered certificate
     */
    public record Target(
            String institutionId,
            String datasetId,
            DatasetSchema schema,
            int schemaVersion,
            HpkePublicKey recipient,
            SigningKey signer,
            String signerKeyId) {}

    private final Clock clock;
    private final SecureRandom random;
    private final UuidV7 ids;

    public ContributionBuilder(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.ids = new UuidV7(clock, random);
    }

    /** Builds the envelope; a record that does not fit the schema is an IllegalArgumentException. */
    public ContributionEnvelope build(Target target, List<GenericRecord> records) {
        RecordCodec codec = RecordCodec.of(target.schema());
        return buildEncoded(target, records.stream().map(codec::encode).toList());
    }

    /**
     * Builds the envelope from records already encoded with {@link RecordCodec#encode} under the
     * target's schema (a caller that measured them does not encode them twice).
     */
    public ContributionEnvelope buildEncoded(Target target, List<byte[]> encoded) {
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("a contribution needs at least one record");
        }
        List<FramedRecord> framed = new ArrayList<>(encoded.size());
        for (byte[] avro : encoded) {
            byte[] salt = new byte[RecordFraming.SALT_BYTES];
            random.nextBytes(salt);
            framed.add(new FramedRecord(salt, avro));
        }
        Manifest manifest = new Manifest(
                Manifest.VERSION,
                ids.next().toString(),
                target.institutionId(),
                target.datasetId(),
                target.schemaVersion(),
                clock.instant(),
                framed.size(),
                MerkleRoots.of(framed),
                target.recipient().keyId(),
                target.signerKeyId(),
                target.signer().algorithm().wireName());
        byte[] manifestBytes = manifest.toBytes();
        byte[] plaintext = RecordFraming.frame(framed);
        Sealed sealed;
        try {
            sealed = Hpke.seal(target.recipient(), ContributionEnvelope.hpkeInfo(), manifestBytes, plaintext, random);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        byte[] signature = target.signer()
                .sign(ContributionEnvelope.signedBytes(manifestBytes, sealed.enc(), sealed.ciphertext()));
        return new ContributionEnvelope(manifest, manifestBytes, sealed.enc(), sealed.ciphertext(), signature);
    }
}
