package io.dsx.policy.builtins.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class CertificateRequestsTest {

    private static String csrPem(KeyPair kp) throws Exception {
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=example.com,C=US"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(csr.getEncoded())
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    @Test
    void pemAndBase64PemRequestsGiveTheSubjectAndKey() throws Exception {
        String pem = csrPem(ec());
        for (String input : List.of(pem, Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)))) {
            Map<String, Object> csr = CertificateRequests.parse(input);
            assertThat(((Map<?, ?>) csr.get("Subject")).get("CommonName")).isEqualTo("example.com");
            assertThat(((Map<?, ?>) csr.get("Subject")).get("Country")).isEqualTo(List.of("US"));
            assertThat(csr.get("SignatureAlgorithm")).isEqualTo(10);
            assertThat(csr.get("PublicKeyAlgorithm")).isEqualTo(3);
        }
    }

    @Test
    void garbageIsAnAsn1ErrorAndNonBase64IsABase64Error() {
        assertThatThrownBy(() -> CertificateRequests.parse("YmFkc3RyaW5n"))
                .hasMessageStartingWith("asn1: structure error");
        assertThatThrownBy(() -> CertificateRequests.parse("foobar")).hasMessageStartingWith("illegal base64");
    }

    @Test
    void ecPrivateKeysInSec1FormAreRead() throws Exception {
        KeyPair kp = ec();
        java.math.BigInteger d = ((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS();
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                        256,
                        d,
                        new org.bouncycastle.asn1.x9.X962Parameters(
                                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1))
                .getEncoded();
        String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(sec1) + "\n-----END EC PRIVATE KEY-----\n";
        var keys = PrivateKeys.fromPemData(pem);
        assertThat(keys).hasSize(1);
        assertThat(((java.security.interfaces.ECPrivateKey) keys.get(0)).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS());
    }

    @Test
    void sec1KeysWithoutCurveAreRefusedAsGoDoes() throws Exception {
        java.math.BigInteger d = ((java.security.interfaces.ECPrivateKey) ec().getPrivate()).getS();
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d).getEncoded();
        assertThatThrownBy(() -> PrivateKeys.sec1(sec1)).hasMessage("x509: unknown elliptic curve");
    }
}
