package io.dsx.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.EnvelopeTestSupport;
import io.dsx.schemas.wire.WireFormatException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {
    static final SigningKey GATEWAY = SigningKey.ed25519FromSeed(filled(0x44));
    static final Instant ACCEPTED = Instant.parse("2026-01-02T03:04:06Z");

    static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static LedgerEntry entry(ContributionEnvelope env) {
        return LedgerEntry.of(
                env,
                ACCEPTED,
                "gateway-receipt-1",
                List.of(new RecordSegment(0, 10, 0, 2), new RecordSegment(2, 7, 2, 1)));
    }

    @Test
    void roundTripsAndStillProvesTheInstitutionsSignature() throws Exception {
        ContributionEnvelope env = EnvelopeTestSupport.envelope(3);
        LedgerEntry entry = entry(env);

        LedgerEntry back = LedgerEntry.parse(entry.toBytes());

        assertThat(back).isEqualTo(entry);
        assertThat(back.dataTopic()).isEqualTo("dsx.data.visits");
        assertThat(back.verifyContributorSignature(EnvelopeTestSupport.institutionKey()))
                .isTrue();
        assertThat(back.verifyContributorSignature(GATEWAY.publicKey())).isFalse();
    }

    @Test
    void derivesTheSameSignedReceiptEveryTimeSoAResendGetsTheFirstOne() throws Exception {
        LedgerEntry entry = entry(EnvelopeTestSupport.envelope(3));
        Receipt first = Receipt.sign(entry.receiptBody(0, 42, "ed25519"), GATEWAY);
        Receipt again = Receipt.sign(LedgerEntry.parse(entry.toBytes()).receiptBody(0, 42, "ed25519"), GATEWAY);

        assertThat(again.toBytes()).isEqualTo(first.toBytes());
        assertThat(Receipt.parse(first.toBytes())).isEqualTo(first);
        assertThat(first.verify(GATEWAY.publicKey())).isTrue();
        assertThat(first.body().recordCount()).isEqualTo(3);
        assertThat(first.body().merkleRoot()).isEqualTo(entry.manifest().merkleRoot());
    }

    /** Every attested field, changed on its own, breaks the signature (DESIGN: receipts sign what they attest). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "contributionId",
                "datasetId",
                "institutionId",
                "signerKeyId",
                "schemaVersion",
                "payloadDigest",
                "recordCount",
                "merkleRoot",
                "ledgerPartition",
                "ledgerOffset",
                "acceptedAt",
                "gatewayKeyId"
            })
    void aReceiptWithAnyAttestedFieldChangedNoLongerVerifies(String field) throws Exception {
        Receipt receipt = Receipt.sign(entry(EnvelopeTestSupport.envelope(3)).receiptBody(0, 42, "ed25519"), GATEWAY);
        org.apache.avro.generic.GenericRecord r = receipt.body().toAvro();
        Object v = r.get(field);
        Object changed;
        if (v instanceof String str) {
            changed = str + "x";
        } else if (v instanceof Integer n) {
            changed = n + 1;
        } else if (v instanceof Long n) {
            changed = n + 1;
        } else {
            byte[] b = ((org.apache.avro.generic.GenericData.Fixed) v).bytes().clone();
            b[0] ^= 1;
            changed = new org.apache.avro.generic.GenericData.Fixed(
                    ((org.apache.avro.generic.GenericData.Fixed) v).getSchema(), b);
        }
        r.put(field, changed);
        ReceiptBody altered = ReceiptBody.fromAvro(r);
        assertThat(altered).isNotEqualTo(receipt.body());
        assertThat(new Receipt(altered, receipt.signature()).verify(GATEWAY.publicKey()))
                .isFalse();
        assertThat(receipt.verify(GATEWAY.publicKey())).isTrue();
    }

    @Test
    void theReceiptAttestsInstitutionSignerSchemaVersionAndPayload() throws Exception {
        ContributionEnvelope env = EnvelopeTestSupport.envelope(3);
        ReceiptBody b = entry(env).receiptBody(0, 42, "ed25519");
        assertThat(b.institutionId()).isEqualTo(env.manifest().institutionId());
        assertThat(b.signerKeyId()).isEqualTo(env.manifest().signerKeyId());
        assertThat(b.schemaVersion()).isEqualTo(env.manifest().schemaVersion());
        assertThat(b.payloadDigest()).isEqualTo(env.payloadDigest());
    }

    @Test
    void aVersionOneReceiptIsRefusedByName() {
        byte[] v1 = {2, 0}; // version 1 as an Avro int, then nothing
        assertThatThrownBy(() -> Receipt.parse(v1))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("receipt version 1 is not supported");
    }

    @Test
    void segmentsMustCoverEveryRecordOnceInOrder() {
        ContributionEnvelope env = EnvelopeTestSupport.envelope(3);
        assertThatThrownBy(() -> LedgerEntry.of(env, ACCEPTED, "k", List.of(new RecordSegment(0, 1, 0, 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.of(
                        env, ACCEPTED, "k", List.of(new RecordSegment(0, 1, 0, 2), new RecordSegment(0, 2, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LedgerEntry.of(env, ACCEPTED, "k", List.of(new RecordSegment(0, 1, 0, 3)))
                        .segments())
                .hasSize(1);
    }
}
