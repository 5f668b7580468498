package io.dsx.connectors.contributor;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A gateway receipt as answered to {@code POST /v1/datasets/{id}/contributions} (docs/api.md),
 * kept with its JSON. {@link #verify} checks the gateway's Ed25519 signature over the receipt's
 * Avro body (docs/formats.md section 10) and that the signed body speaks of the envelope sent.
 */
public record ContributionReceipt(
    String contributionId,
    String datasetId,
    long recordCount,
    String merkleRootHex,
    String ledgerTopic,
    int ledgerPartition,
    long ledgerOffset,
    JsonNode json) {

  public static ContributionReceipt fromJson(JsonNode json) throws GatewayException {
    JsonNode ledger = json.path("ledger");
    if (!json.hasNonNull("contributionId") || !json.hasNonNull("signature") || !json.hasNonNull("receipt")) {
      throw new GatewayException(0, GatewayException.BAD_RECEIPT, "receipt without contributionId, signature or receipt");
    }
    return new ContributionReceipt(json.get("contributionId").asText(), json.path("datasetId").asText(),
        json.path("recordCount").asLong(), json.path("merkleRoot").asText(), ledger.path("topic").asText(),
        ledger.path("partition").asInt(), ledger.path("offset").asLong(), json);
  }

  /**
   * Checks the signature with the published receipt key, then that the signed body names the
   * contribution, dataset, record count and Merkle root of {@code sent}, and the ledger position
   * the JSON claims.
   */
  public void verify(PublicKey receiptKey, Manifest sent) throws GatewayException {
    byte[] signature = base64url("signature");
    byte[] receiptBytes = base64url("receipt");
    byte[] bodyBytes = bodyBytes(receiptBytes, signature);
    if (!Signatures.verify(receiptKey, SignatureAlgorithm.ED25519, bodyBytes, signature)) {
      throw bad("the receipt signature does not verify with the gateway's receipt key");
    }
    GenericRecord body;
    try {
      body = (GenericRecord) AvroBinary.decode(DsxSchemas.RECEIPT_BODY, bodyBytes);
    } catch (WireFormatException e) {
      throw bad("the signed receipt body does not decode: " + e.getMessage());
    }
    byte[] root = ((GenericData.Fixed) body.get("merkleRoot")).bytes();
    boolean matches = sent.contributionId().equals(body.get("contributionId").toString())
        && sent.datasetId().equals(body.get("datasetId").toString())
        && sent.recordCount() == (Long) body.get("recordCount")
        && MessageDigest.isEqual(sent.merkleRoot(), root)
        && contributionId.equals(sent.contributionId())
        && ledgerPartition == (Integer) body.get("ledgerPartition")
        && ledgerOffset == (Long) body.get("ledgerOffset");
    if (!matches) {
      throw bad("the signed receipt does not match contribution " + sent.contributionId());
    }
  }

  /**
   * The signed bytes: {@code receipt} is either the full Receipt Avro (body || signature) or the
   * body alone; both readings are accepted, the signature inside must then equal {@code signature}.
   */
  private static byte[] bodyBytes(byte[] receiptBytes, byte[] signature) throws GatewayException {
    try {
      Receipt full = Receipt.parse(receiptBytes);
      if (!MessageDigest.isEqual(full.signature(), signature)) {
        throw bad("the receipt's two signatures differ");
      }
      return full.body().toBytes();
    } catch (WireFormatException notAFullReceipt) {
      return receiptBytes;
    }
  }

  private byte[] base64url(String field) throws GatewayException {
    try {
      return Base64.getUrlDecoder().decode(json.path(field).asText());
    } catch (IllegalArgumentException e) {
      throw bad("receipt field " + field + " is not base64url");
    }
  }

  private static GatewayException bad(String detail) {
    return new GatewayException(0, GatewayException.BAD_RECEIPT, detail);
  }

  /** The Merkle root as bytes. */
  public byte[] merkleRoot() {
    return Hex.decode(merkleRootHex);
  }
}
