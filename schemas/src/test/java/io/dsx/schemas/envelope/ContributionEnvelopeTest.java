package io.dsx.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hpke.Hpke;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordFraming;
import io.dsx.schemas.wire.AvroBinary;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ContributionEnvelopeTest {
    private final EnvelopeFixture fx = new EnvelopeFixture();
    private final EnvelopeLimits limits = EnvelopeLimits.DEFAULT;

    @Test
    void buildsAnEnvelopeThatParsesVerifiesAndOpensToTheSameRecords() {
        ContributionEnvelope built = fx.build(3);
        byte[] body = built.toBytes();

        ContributionEnvelope parsed = ContributionEnvelope.parse(body, limits).value();
        OpenedContribution opened = open(parsed).value();

        assertThat(parsed.manifest()).isEqualTo(built.manifest());
        String millis = String.format("%012x", EnvelopeFixture.NOW.toEpochMilli());
        assertThat(parsed.manifest().contributionId())
                .startsWith(millis.substring(0, 8) + "-" + millis.substring(8) + "-7")
                .matches(UuidV7::isCanonical);
        assertThat(parsed.manifest().signatureAlgorithm()).isEqualTo("ed25519");
        assertThat(opened.records()).extracting(OpenedRecord::value).containsExactlyElementsOf(fx.records(3));
        assertThat(opened.records()).extracting(OpenedRecord::index).containsExactly(0L, 1L, 2L);
    }

    @Test
    void manifestBytesArePrefixOfTheEnvelopeWhichIsTheContributionSchema() throws Exception {
        byte[] body = fx.build(2).toBytes();
        ContributionEnvelope parsed = ContributionEnvelope.parse(body, limits).value();

        GenericRecord generic = (GenericRecord) AvroBinary.decode(DsxSchemas.CONTRIBUTION, body);

        assertThat(Arrays.copyOf(body, parsed.manifestBytes().length)).isEqualTo(parsed.manifestBytes());
        assertThat(Manifest.fromAvro((GenericRecord) generic.get("manifest"))).isEqualTo(parsed.manifest());
        assertThat(parsed.manifest().toBytes()).isEqualTo(parsed.manifestBytes());
    }

    @Test
    void refusesOversizeOtherVersionsTrailingBytesAndEveryTruncation() {
        byte[] body = fx.build(1).toBytes();
        assertThat(ContributionEnvelope.parse(body, new EnvelopeLimits(body.length - 1, 10))
                        .failure())
                .isEqualTo(EnvelopeFailure.TOO_LARGE);
        assertThat(ContributionEnvelope.parse(new byte[] {0x04, (byte) 0xFF}, limits)
                        .failure())
                .isEqualTo(EnvelopeFailure.UNSUPPORTED_VERSION);
        assertThat(ContributionEnvelope.parse(Arrays.copyOf(body, body.length + 1), limits)
                        .failure())
                .isEqualTo(EnvelopeFailure.MALFORMED);
        for (int cut = 0; cut < body.length; cut++) {
            assertThat(ContributionEnvelope.parse(Arrays.copyOf(body, cut), limits)
                            .failure())
                    .as("cut at %d", cut)
                    .isEqualTo(EnvelopeFailure.MALFORMED);
        }
    }

    @Test
    void refusesBadManifestFieldsWhenParsing() {
        Manifest m = fx.build(1).manifest();
        assertThat(parse(with(m, "contributionId", "not-a-uuid"))).isEqualTo(EnvelopeFailure.MALFORMED);
        assertThat(parse(with(m, "signatureAlgorithm", "md5-rsa"))).isEqualTo(EnvelopeFailure.UNSUPPORTED_ALGORITHM);
        assertThat(parse(with(m, "datasetId", ""))).isEqualTo(EnvelopeFailure.MALFORMED);
        assertThat(parse(with(m, "datasetId", "visits|2"))).isEqualTo(EnvelopeFailure.MALFORMED);
        assertThat(parse(with(m, "institutionId", "hospital a"))).isEqualTo(EnvelopeFailure.MALFORMED);
        assertThat(parse(with(m, "signerKeyId", "key|1"))).isEqualTo(EnvelopeFailure.MALFORMED);
        assertThat(parse(with(m, "recordCount", 2_000_000L))).isEqualTo(EnvelopeFailure.TOO_LARGE);
    }

    @Test
    void refusesASignatureByAnotherKeyOrOverAlteredBytes() {
        ContributionEnvelope env = fx.build(2);
        SigningKey stranger = SigningKey.ed25519FromSeed(EnvelopeFixture.bytes(0x33));
        assertThat(ContributionOpener.verify(env, stranger.publicKey()).failure())
                .isEqualTo(EnvelopeFailure.BAD_SIGNATURE);

        byte[] body = env.toBytes();
        body[body.length - 70] ^= 1; // inside the ciphertext, which the signature covers through its hash
        ContributionEnvelope altered = ContributionEnvelope.parse(body, limits).value();
        assertThat(ContributionOpener.verify(altered, fx.institution.publicKey())
                        .failure())
                .isEqualTo(EnvelopeFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesAPayloadSealedUnderAnotherManifestOrToAnotherKey() {
        ContributionEnvelope env = fx.build(1);
        Manifest other = with(env.manifest(), "createdAt", 0L);
        Sealed sealed = env.sealed();
        assertThat(open(signed(other, sealed)).failure()).isEqualTo(EnvelopeFailure.DECRYPT_FAILED);
        assertThat(open(signed(with(env.manifest(), "recipientKeyId", "k2"), sealed))
                        .failure())
                .isEqualTo(EnvelopeFailure.UNKNOWN_RECIPIENT_KEY);
    }

    @Test
    void refusesACountOrMerkleRootThatDiffersFromTheRecords() {
        List<FramedRecord> two = framed(new byte[] {0x02, 'a', 0x02, 0x00}, new byte[] {0x02, 'b', 0x04, 0x00});
        Manifest m = fx.build(1).manifest();
        Manifest honest = with(with(m, "recordCount", 2L), "merkleRoot", MerkleRoots.of(two));
        assertThat(open(sealedAndSigned(honest, RecordFraming.frame(two))).isOk())
                .isTrue();
        assertThat(open(sealedAndSigned(with(honest, "recordCount", 3L), RecordFraming.frame(two)))
                        .failure())
                .isEqualTo(EnvelopeFailure.COUNT_MISMATCH);
        assertThat(open(sealedAndSigned(with(honest, "merkleRoot", new byte[32]), RecordFraming.frame(two)))
                        .failure())
                .isEqualTo(EnvelopeFailure.MERKLE_MISMATCH);
    }

    @Test
    void refusesARecordThatIsNotValidUnderTheSchemaOrBrokenFraming() {
        List<FramedRecord> bad = framed(new byte[] {0x02, 'a', 0x02, 0x04});
        Manifest m = with(fx.build(1).manifest(), "merkleRoot", MerkleRoots.of(bad));
        assertThat(open(sealedAndSigned(m, RecordFraming.frame(bad))).failure()).isEqualTo(EnvelopeFailure.BAD_RECORD);

        byte[] truncated = Arrays.copyOf(RecordFraming.frame(bad), 18);
        assertThat(open(sealedAndSigned(m, truncated)).failure()).isEqualTo(EnvelopeFailure.MALFORMED);
    }

    @Test
    void describesAFailureWithoutRecordOrKeyBytes() {
        ContributionEnvelope env = fx.build(1);
        var failed = (EnvelopeResult.Failed<?>) open(signed(with(env.manifest(), "createdAt", 0L), env.sealed()));
        assertThat(failed.detail()).isEqualTo("the payload does not open with key " + fx.gateway.keyId());
        assertThat(env.toString()).doesNotContain("p-0");
    }

    private EnvelopeResult<OpenedContribution> open(ContributionEnvelope env) {
        return ContributionOpener.verify(env, fx.institution.publicKey())
                .then(v -> ContributionOpener.open(v, fx.decryptor(), fx.schema, limits));
    }

    private EnvelopeFailure parse(Manifest m) {
        ContributionEnvelope env = fx.build(1);
        Sealed s = env.sealed();
        byte[] body = new ContributionEnvelope(m, m.toBytes(), s.enc(), s.ciphertext(), env.signature()).toBytes();
        return ContributionEnvelope.parse(body, limits).failure();
    }

    private ContributionEnvelope signed(Manifest m, Sealed s) {
        byte[] mb = m.toBytes();
        byte[] sig = fx.institution.sign(ContributionEnvelope.signedBytes(mb, s.enc(), s.ciphertext()));
        return new ContributionEnvelope(m, mb, s.enc(), s.ciphertext(), sig);
    }

    private ContributionEnvelope sealedAndSigned(Manifest m, byte[] plaintext) {
        Sealed s = Hpke.seal(fx.gateway.publicKey(), ContributionEnvelope.hpkeInfo(), m.toBytes(), plaintext);
        return signed(m, s);
    }

    private static List<FramedRecord> framed(byte[]... records) {
        return Arrays.stream(records)
                .map(r -> new FramedRecord(new byte[16], r))
                .toList();
    }

    private static Manifest with(Manifest m, String field, Object value) {
        GenericRecord r = m.toAvro();
        r.put(
                field,
                field.equals("merkleRoot")
                        ? new org.apache.avro.generic.GenericData.Fixed(DsxSchemas.SHA256, (byte[]) value)
                        : value);
        return Manifest.fromAvro(r);
    }
}
