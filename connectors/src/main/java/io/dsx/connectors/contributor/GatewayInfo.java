package io.dsx.connectors.contributor;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsx.crypto.hpke.HpkePublicKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * What {@code GET /.well-known/dsx} publishes and a contributor needs: the HPKE key to seal to,
 * the receipt key to verify receipts with, the issuer (for the token endpoint) and the limits.
 */
public record GatewayInfo(
        String gateway,
        String issuer,
        HpkePublicKey hpkeKey,
        String receiptKeyId,
        PublicKey receiptKey,
        long maxContributionBytes,
        long maxRecordsPerContribution) {

    /** Reads the document; a missing key or a key whose id does not match its bytes is refused. */
    public static GatewayInfo fromJson(JsonNode doc) throws GatewayException {
        String current = text(doc, "currentHpkeKeyId");
        JsonNode chosen = null;
        for (JsonNode k : doc.path("hpkeKeys")) {
            if (current.equals(k.path("keyId").asText())) {
                chosen = k;
            }
        }
        if (chosen == null) {
            throw bad("currentHpkeKeyId " + current + " is not among hpkeKeys");
        }
        HpkePublicKey hpke;
        try {
            hpke = HpkePublicKey.of(base64url(chosen, "publicKey"));
        } catch (IllegalArgumentException e) {
            throw bad("HPKE key " + current + " is not 32 bytes");
        }
        if (!hpke.keyId().equals(current)) {
            throw bad("HPKE key id " + current + " does not match the published key");
        }
        JsonNode receipt = doc.path("receiptKey");
        if (!"ed25519".equals(receipt.path("algorithm").asText())) {
            throw bad("receipt key algorithm " + receipt.path("algorithm").asText() + " is not ed25519");
        }
        JsonNode limits = doc.path("limits");
        return new GatewayInfo(
                doc.path("gateway").asText(""),
                text(doc, "issuer"),
                hpke,
                text(receipt, "keyId"),
                ed25519(base64url(receipt, "publicKey")),
                limits.path("maxContributionBytes").asLong(64L << 20),
                limits.path("maxRecordsPerContribution").asLong(1_000_000));
    }

    /** A raw 32-byte Ed25519 public key (RFC 8032) as a JDK key. */
    static PublicKey ed25519(byte[] raw) throws GatewayException {
        if (raw.length != io.dsx.crypto.sign.Ed25519Raw.LENGTH) {
            throw bad("receipt key is " + raw.length + " bytes, not 32");
        }
        try {
            return io.dsx.crypto.sign.Ed25519Raw.publicKey(raw);
        } catch (GeneralSecurityException e) {
            throw bad("receipt key is not a valid Ed25519 key");
        }
    }

    private static byte[] base64url(JsonNode node, String field) throws GatewayException {
        try {
            return Base64.getUrlDecoder().decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw bad(field + " is not base64url");
        }
    }

    private static String text(JsonNode node, String field) throws GatewayException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw bad("/.well-known/dsx has no " + field);
        }
        return v.asText();
    }

    private static GatewayException bad(String detail) {
        return new GatewayException(0, "bad_well_known", detail);
    }
}
