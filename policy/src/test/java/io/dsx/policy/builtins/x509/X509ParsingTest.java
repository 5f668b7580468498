package io.dsx.policy.builtins.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class X509ParsingTest {

    private static KeyPair rootKeys;
    private static KeyPair leafKeys;
    private static X509Certificate root;
    private static X509Certificate leaf;

    @BeforeAll
    static void issueChain() throws Exception {
        rootKeys = TestCertificates.rsa();
        leafKeys = TestCertificates.rsa();
        root = TestCertificates.issue("CN=Test Root", rootKeys, "CN=Test Root", rootKeys, true);
        leaf = TestCertificates.issue(
                "CN=svc.example,O=Example",
                leafKeys,
                "CN=Test Root",
                rootKeys,
                false,
                new GeneralName(GeneralName.dNSName, "svc.example"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.com/svc"));
    }

    @Test
    void pemAndBase64PemGiveGoShapedCertificates() throws Exception {
        String pem = TestCertificates.pem(leaf);
        for (String input : List.of(pem, Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)))) {
            Map<String, Object> json =
                    GoCertJson.of(CertificateInputs.certificates(input).get(0));
            assertThat(((Map<?, ?>) json.get("Subject")).get("CommonName")).isEqualTo("svc.example");
            assertThat(((Map<?, ?>) json.get("Subject")).get("Organization")).isEqualTo(List.of("Example"));
            assertThat(json.get("DNSNames")).isEqualTo(List.of("svc.example"));
            assertThat(json.get("URIStrings")).isEqualTo(List.of("spiffe://example.com/svc"));
            assertThat(json.get("NotBefore")).isEqualTo("2024-01-01T00:00:00Z");
            assertThat(json.get("IsCA")).isEqualTo(false);
            assertThat(json.get("EmailAddresses")).isNull();
        }
    }

    @Test
    void derChainsParseInOrderAndGarbageIsMalformed() throws Exception {
        byte[] both = new byte[root.getEncoded().length + leaf.getEncoded().length];
        System.arraycopy(root.getEncoded(), 0, both, 0, root.getEncoded().length);
        System.arraycopy(leaf.getEncoded(), 0, both, root.getEncoded().length, leaf.getEncoded().length);
        assertThat(CertificateInputs.certificates(Base64.getEncoder().encodeToString(both)))
                .containsExactly(root, leaf);
        assertThatThrownBy(() -> CertificateInputs.certificates("YmFkc3RyaW5n"))
                .hasMessage("x509: malformed certificate");
        assertThatThrownBy(() -> CertificateInputs.certificates("foobar")).hasMessageStartingWith("illegal base64");
    }

    @Test
    void chainVerifiesFromRootToLeafOnlyWhileValid() {
        assertThat(ChainVerifier.verify(List.of(root, leaf), Instant.parse("2025-06-01T00:00:00Z")))
                .hasValueSatisfying(chain -> assertThat(chain).containsExactly(leaf, root));
        assertThat(ChainVerifier.verify(List.of(root, leaf), Instant.parse("2040-01-01T00:00:00Z")))
                .isEmpty();
        assertThat(ChainVerifier.verify(List.of(leaf, root), Instant.parse("2025-06-01T00:00:00Z")))
                .isEmpty();
        assertThat(ChainVerifier.verify(List.of(leaf), Instant.parse("2025-06-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void leafChecksMatchHostNamesAndUsages() {
        assertThat(LeafChecks.acceptable(leaf, new VerifyOptions("svc.example", null, java.util.Set.of())))
                .isTrue();
        assertThat(LeafChecks.acceptable(leaf, new VerifyOptions("other.example", null, java.util.Set.of())))
                .isFalse();
    }

    @Test
    void keyPairIsRefusedWhenTheKeyBelongsToAnotherCertificate() throws Exception {
        String certPem = TestCertificates.pem(leaf);
        String good = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(leafKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String bad = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rootKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThat(((List<?>) KeyPairs.parse(certPem, good).get("Certificate")).get(0))
                .isEqualTo(Base64.getEncoder().encodeToString(leaf.getEncoded()));
        assertThatThrownBy(() -> KeyPairs.parse(certPem, bad)).hasMessage("tls: private key does not match public key");
    }

    @Test
    void rsaPrivateKeysBecomeJwksAndUnknownBlocksAreSkipped() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(leafKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        var keys = PrivateKeys.fromPemData(pem);
        assertThat(keys).hasSize(1);
        Map<String, Object> jwk = GoKeyJson.rsaJwk((java.security.interfaces.RSAPrivateCrtKey) keys.get(0));
        assertThat(jwk)
                .containsEntry("kty", "RSA")
                .containsEntry("e", "AQAB")
                .containsKeys("n", "d", "p", "q", "dp", "dq", "qi");
        assertThat(PrivateKeys.fromPemData("nope")).isEmpty();
    }
}
