package io.dsx.connectors.contributor;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsx.crypto.hash.Hex;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.Manifest;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.events.ReceiptBody;
import io.dsx.schemas.wire.WireFormatException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A gateway receipt as answered to {@code POST /v1/datasets/{id}/contributions} (docs/api.md),
 * kept with its JSON. {@link #verify} checks the gateway's signature over the receipt's Avro body
 * (docs/formats.md section 10, read with dsx-schemas' {@link Receipt}) and that the signed body attests
 * the envelope sent.
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
            throw new GatewayException(
                    0, GatewayException.BAD_RECEIPT, "receipt without contributionId, signature or receipt");
        }
        return new ContributionReceipt(
                json.get("contributionId").asText(),
                json.path("datasetId").asText(),
                json.path("recordCount").asLong(),
                json.path("merkleRoot").asText(),
                ledger.path("topic").asText(),
                ledger.path("partition").asInt(),
                ledger.path("offset").asLong(),
                json);
    }

    /**
     * Reads the signed receipt (dsx-schemas {@link Receipt}, version 2; an older version is refused),
     * checks its signature with the published receipt key, then that the signed body attests exactly
     * the envelope sent (contribution, dataset, institution, signer key, schema version, payload
     * digest, record count, Merkle root) and the ledger position and institution the JSON claims.
     */
    public void verify(PublicKey receiptKey, ContributionEnvelope sent) throws GatewayException {
        Receipt receipt;
        try {
            receipt = Receipt.parse(base64url("receipt"));
        } catch (WireFormatException e) {
            throw bad("the signed receipt does not decode: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(receipt.signature(), base64url("signature")) || !receipt.verify(receiptKey)) {
            throw bad("the receipt signature does not verify with the gateway's receipt key");
        }
        ReceiptBody body = receipt.body();
        Manifest m = sent.manifest();
        boolean matches = m.contributionId().equals(body.contributionId())
                && m.datasetId().equals(body.datasetId())
                && m.institutionId().equals(body.institutionId())
                && m.signerKeyId().equals(body.signerKeyId())
                && m.schemaVersion() == body.schemaVersion()
                && MessageDigest.isEqual(sent.payloadDigest(), body.payloadDigest())
                && m.recordCount() == body.recordCount()
                && MessageDigest.isEqual(m.merkleRoot(), body.merkleRoot())
                && contributionId.equals(m.contributionId())
                && ledgerPartition == body.ledgerPartition()
                && ledgerOffset == body.ledgerOffset()
                && json.path("institutionId").asText(body.institutionId()).equals(body.institutionId());
        if (!matches) {
            throw bad("the signed receipt does not match contribution " + m.contributionId());
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
