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
import java.util.Map;
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
    return LedgerEntry.of(env, ACCEPTED, "gateway-receipt-1",
        List.of(new RecordSegment(0, 10, 11, 2), new RecordSegment(2, 7, 7, 1)));
  }

  @Test
  void roundTripsAndStillProvesTheInstitutionsSignature() throws Exception {
    ContributionEnvelope env = EnvelopeTestSupport.envelope(3);
    LedgerEntry entry = entry(env);

    LedgerEntry back = LedgerEntry.parse(entry.toBytes());

    assertThat(back).isEqualTo(entry);
    assertThat(back.dataTopic()).isEqualTo("dsx.data.visits");
    assertThat(back.verifyContributorSignature(EnvelopeTestSupport.institutionKey())).isTrue();
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

  @Test
  void aReceiptWithAnyBodyChangeNoLongerVerifies() throws Exception {
    Receipt receipt = Receipt.sign(entry(EnvelopeTestSupport.envelope(1)).receiptBody(0, 42, "ed25519"), GATEWAY);
    ReceiptBody b = receipt.body();
    ReceiptBody moved = new ReceiptBody(b.version(), b.contributionId(), b.datasetId(), b.recordCount(),
        b.merkleRoot(), b.ledgerPartition(), 43, b.acceptedAt(), b.gatewayKeyId(), b.signatureAlgorithm());
    assertThat(new Receipt(moved, receipt.signature()).verify(GATEWAY.publicKey())).isFalse();
  }

  @Test
  void storedRecordHeadersAreCanonicalDecimalText() throws Exception {
    StoredRecordHeaders h = new StoredRecordHeaders("019b7cf5-0000-7000-8000-000000000000", 12, 3, "dek-1");
    Map<String, byte[]> encoded = h.encode();
    assertThat(new String(encoded.get(StoredRecordHeaders.LEAF_INDEX), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("12");
    assertThat(StoredRecordHeaders.decode(encoded)).isEqualTo(h);
    encoded.put(StoredRecordHeaders.LEAF_INDEX, "012".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> StoredRecordHeaders.decode(encoded))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("canonical decimal");
  }
}
