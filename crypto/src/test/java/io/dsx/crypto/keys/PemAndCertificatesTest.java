package io.dsx.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.sign.SignatureAlgorithm;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class PemAndCertificatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00.5Z"), ZoneOffset.UTC);
    private final InstitutionCredentials creds = InstitutionKeys.generate(
            SignatureAlgorithm.ECDSA_P256_SHA256,
            "CN=St. Mary Hospital,O=dsx",
            Duration.ofDays(30),
            CLOCK,
            new SecureRandom());

    @Test
    void selfSignedCertificateNamesTheSubjectVerifiesAndStartsNow() throws Exception {
        var cert = creds.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=St. Mary Hospital,O=dsx");
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void keyIdIsTheSha256OfTheDerCertificate() throws Exception {
        assertThat(creds.keyId())
                .isEqualTo(Sha256.hex(creds.certificate().getEncoded()))
                .hasSize(64);
        assertThat(creds.toString()).contains("***");
    }

    @Test
    void certificateAndPrivateKeySurvivePemRoundTrip() throws Exception {
        String certPem = Pem.writeCertificate(creds.certificate());
        assertThat(certPem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Pem.readCertificate("comment line\n" + certPem)).isEqualTo(creds.certificate());
        assertThat(Pem.readCertificates(certPem + certPem)).hasSize(2);

        String keyPem = Pem.writePrivateKey(creds.signingKey());
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.readPrivateKey(keyPem).publicKey())
                .isEqualTo(creds.certificate().getPublicKey());

        String pubPem = Pem.writePublicKey(creds.certificate().getPublicKey());
        assertThat(Pem.readPublicKey(pubPem)).isEqualTo(creds.certificate().getPublicKey());
    }

    @Test
    void csrCarriesTheSubjectAndKeyAndIsSignedByIt() throws Exception {
        for (SignatureAlgorithm a :
                new SignatureAlgorithm[] {SignatureAlgorithm.ED25519, SignatureAlgorithm.ECDSA_P256_SHA256}) {
            var key = InstitutionKeys.generateKey(a, new SecureRandom());
            byte[] der = Pem.readCsr(Pem.writeCsr(InstitutionKeys.csr(key, "CN=Clinic " + a)));
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(der);
            assertThat(csr.getSubject().toString()).isEqualTo("CN=Clinic " + a);
            assertThat(csr.getSubjectPublicKeyInfo().getEncoded())
                    .isEqualTo(key.publicKey().getEncoded());
            assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.publicKey())))
                    .isTrue();
        }
    }

    @Test
    void garbageAndMissingBlocksAreMalformed() {
        assertThatThrownBy(() -> Pem.readCertificate("no pem here"))
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.MALFORMED));
        assertThatThrownBy(() -> Pem.readCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Pem.readPrivateKey(Pem.writeCertificate(creds.certificate())))
                .isInstanceOf(CryptoException.class);
    }
}
