package io.dsx.connectors.contributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ContributionReceiptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final SigningKey gatewayKey = InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, random);

    private ContributionEnvelope envelope() throws Exception {
        DatasetSchema schema = DatasetSchema.parse(GatewayClientTest.SCHEMA);
        GenericRecord r = new GenericData.Record(schema.avro());
        r.put("subject", "p-0");
        r.put("age", 3);
        SigningKey signer = InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, random);
        return new ContributionBuilder(Clock.systemUTC(), random)
                .build(
                        new ContributionBuilder.Target(
                                "hospital-a",
                                "visits",
                                schema,
                                1,
                                HpkeKeyPair.generate(random).publicKey(),
                                signer,
                                "k1"),
                        List.of(r));
    }

    private ContributionReceipt receiptFor(ContributionEnvelope e, SigningKey key) throws Exception {
        LedgerEntry entry = LedgerEntry.of(
                e,
                Clock.systemUTC().instant(),
                "receipt-1",
                List.of(new io.dsx.schemas.events.RecordSegment(0, 0, 0, 1)));
        return ContributionReceipt.fromJson(
                JSON.readTree(FakeGateway.view(Receipt.sign(entry.receiptBody(0, 7, "ed25519"), key))));
    }

    @Test
    void aReceiptSignedByThePublishedKeyForTheSentEnvelopeVerifies() throws Exception {
        ContributionEnvelope e = envelope();
        ContributionReceipt receipt = receiptFor(e, gatewayKey);
        receipt.verify(gatewayKey.publicKey(), e);
        assertThat(receipt.ledgerOffset()).isEqualTo(7);
    }

    @Test
    void aReceiptSignedByAnotherKeyIsRefused() throws Exception {
        ContributionEnvelope e = envelope();
        ContributionReceipt receipt = receiptFor(e, InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, random));
        assertThatThrownBy(() -> receipt.verify(gatewayKey.publicKey(), e))
                .isInstanceOfSatisfying(
                        GatewayException.class, x -> assertThat(x.code()).isEqualTo(GatewayException.BAD_RECEIPT))
                .hasMessageContaining("does not verify");
    }

    @Test
    void aValidReceiptOfAnotherContributionIsRefused() throws Exception {
        ContributionReceipt other = receiptFor(envelope(), gatewayKey);
        ContributionEnvelope mine = envelope();
        assertThatThrownBy(() -> other.verify(gatewayKey.publicKey(), mine))
                .hasMessageContaining(
                        "does not match contribution " + mine.manifest().contributionId());
    }

    @Test
    void aLedgerPositionInTheJsonThatTheSignatureDoesNotCoverIsRefused() throws Exception {
        ContributionEnvelope e = envelope();
        ObjectNode json = (ObjectNode) receiptFor(e, gatewayKey).json();
        ((ObjectNode) json.get("ledger")).put("offset", 8);
        assertThatThrownBy(() -> ContributionReceipt.fromJson(json).verify(gatewayKey.publicKey(), e))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void aReceiptCarryingOnlyTheBodyBytesIsRefused() throws Exception {
        ContributionEnvelope e = envelope();
        LedgerEntry entry = LedgerEntry.of(
                e,
                Clock.systemUTC().instant(),
                "receipt-1",
                List.of(new io.dsx.schemas.events.RecordSegment(0, 0, 0, 1)));
        Receipt signed = Receipt.sign(entry.receiptBody(0, 7, "ed25519"), gatewayKey);
        ObjectNode json = (ObjectNode) JSON.readTree(FakeGateway.view(signed));
        json.put(
                "receipt",
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(signed.body().toBytes()));
        assertThatThrownBy(() -> ContributionReceipt.fromJson(json).verify(gatewayKey.publicKey(), e))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void aReceiptNamingAnotherInstitutionInItsJsonIsRefused() throws Exception {
        ContributionEnvelope e = envelope();
        ObjectNode json = (ObjectNode) receiptFor(e, gatewayKey).json();
        json.put("institutionId", "hospital-b");
        assertThatThrownBy(() -> ContributionReceipt.fromJson(json).verify(gatewayKey.publicKey(), e))
                .hasMessageContaining("does not match");
    }

    @Test
    void aReceiptWithoutSignatureIsRefused() {
        assertThatThrownBy(() -> ContributionReceipt.fromJson(JSON.readTree("{\"contributionId\":\"x\"}")))
                .isInstanceOf(GatewayException.class);
    }
}
