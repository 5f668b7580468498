package io.dsx.gateway.web;

import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.hpke.HpkeSuite;
import io.dsx.crypto.keys.GatewayKeyStore;
import io.dsx.crypto.keys.Pem;
import io.dsx.gateway.config.GatewayProperties;
import io.dsx.gateway.ingest.IngestSettings;
import io.dsx.gateway.keys.GatewayKeys;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public facts a participant needs before talking to this gateway. */
@RestController
public class WellKnownController {

    private final Map<String, Object> document;

    public WellKnownController(
            GatewayProperties properties,
            ObjectProvider<BuildProperties> build,
            GatewayKeys keys,
            IngestSettings ingest) {
        BuildProperties info = build.getIfAvailable();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", "dsx-exchange-gateway");
        doc.put("version", info != null ? info.getVersion() : "unknown");
        doc.put("api", "v1");
        doc.put("gateway", properties.name());
        doc.put("issuer", properties.security().issuerUri());
        doc.put("audience", properties.security().audience());
        GatewayKeyStore store = keys.keyStore();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        List<Map<String, Object>> hpke = store.hpkeKeys().stream()
                .map((HpkePublicKey k) -> Map.<String, Object>of(
                        "keyId",
                        k.keyId(),
                        "kem",
                        "DHKEM(X25519, HKDF-SHA256)",
                        "kdf",
                        "HKDF-SHA256",
                        "aead",
                        "AES-256-GCM",
                        "suite",
                        Map.of("kem", HpkeSuite.KEM_ID, "kdf", HpkeSuite.KDF_ID, "aead", HpkeSuite.AEAD_ID),
                        "publicKey",
                        b64.encodeToString(k.bytes())))
                .toList();
        doc.put("hpkeKeys", hpke);
        doc.put("currentHpkeKeyId", store.currentHpkeKey().keyId());
        doc.put(
                "receiptKey",
                Map.of(
                        "keyId",
                        store.receiptKeyId(),
                        "algorithm",
                        store.receiptKey().algorithm().wireName(),
                        "publicKey",
                        b64.encodeToString(store.receiptPublicKeyRaw()),
                        "certificate",
                        Pem.writeCertificate(store.receiptCertificate())));
        doc.put(
                "limits",
                Map.of(
                        "maxContributionBytes",
                        ingest.maxContributionBytes(),
                        "maxRecordsPerContribution",
                        ingest.maxRecords()));
        this.document = Map.copyOf(doc);
    }

    @Operation(summary = "The gateway's version and identity settings (public)")
    @GetMapping(value = "/.well-known/dsx", produces = "application/json")
    public Map<String, Object> wellKnown() {
        return new LinkedHashMap<>(document);
    }
}
