package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.Pem;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * An institution's signing certificate must allow digitalSignature and must not be a CA, and one
 * certificate belongs to one institution (revoking it for one must not leave it live for another):
 * each is refused with 422, and nothing is registered.
 */
class CertificateRulesIT extends GatewayIT {

    private static String cert(Integer keyUsage, boolean ca) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X500Name name = new X500Name("CN=cert-rules-" + UUID.randomUUID());
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(30))),
                name,
                pair.getPublic());
        if (ca) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        if (keyUsage != null) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        byte[] der = b.build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate()))
                .getEncoded();
        X509Certificate c = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
        return Pem.writeCertificate(c);
    }

    private HttpResponse<String> register(String id, String... pems) throws Exception {
        return postJson(
                "/v1/admin/institutions",
                stack().tokens().forUser("operator"),
                JSON.writeValueAsString(Map.of("id", id, "name", id, "certificates", List.of(pems))));
    }

    private static String id() {
        return "inst-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void assertRefused(HttpResponse<String> r, String code, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo(code);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains(detail);
    }

    @Test
    void aSigningCertificateIsRegistered() throws Exception {
        assertThat(register(id(), cert(KeyUsage.digitalSignature, false)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aCaCertificateIsRefused() throws Exception {
        String id = id();
        assertRefused(
                register(id, cert(KeyUsage.digitalSignature | KeyUsage.keyCertSign, true)),
                "invalid_certificate",
                "CA certificate");
        assertThat(get("/v1/institutions/" + id, stack().tokens().forUser("operator"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aKeyEnciphermentOnlyCertificateIsRefused() throws Exception {
        assertRefused(register(id(), cert(KeyUsage.keyEncipherment, false)), "invalid_certificate", "digitalSignature");
    }

    @Test
    void aCertificateWithoutKeyUsageIsRefused() throws Exception {
        assertRefused(register(id(), cert(null, false)), "invalid_certificate", "digitalSignature");
    }

    @Test
    void aCertificateAlreadyRegisteredToAnotherInstitutionIsRefused() throws Exception {
        String shared = cert(KeyUsage.digitalSignature, false);
        String first = id();
        assertThat(register(first, shared).statusCode()).isEqualTo(201);
        String second = id();
        assertRefused(register(second, shared), "certificate_in_use", "another institution");
        assertThat(get("/v1/institutions/" + second, stack().tokens().forUser("operator"))
                        .statusCode())
                .isEqualTo(404);
        // nor can it be added as a key of an existing institution
        String third = id();
        assertThat(register(third, cert(KeyUsage.digitalSignature, false)).statusCode())
                .isEqualTo(201);
        HttpResponse<String> added = postJson(
                "/v1/admin/institutions/" + third + "/keys",
                stack().tokens().forUser("operator"),
                JSON.writeValueAsString(Map.of("certificate", shared)));
        assertRefused(added, "certificate_in_use", "another institution");
    }
}
