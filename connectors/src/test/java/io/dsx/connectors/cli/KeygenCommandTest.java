package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.crypto.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeygenCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ed25519,ED25519", "ecdsa-p256,ECDSA_P256_SHA256", "rsa-pss,RSA_PSS_SHA256"})
    void theKeySignsAndTheCertificateVerifiesAndTheKeyIdIsPrinted(String name, SignatureAlgorithm algorithm)
            throws Exception {
        Path out = dir.resolve(name);
        CliRun run = CliRun.of("keygen", "--institution", "hospital-a", "--algorithm", name, "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        SigningKey key = Pem.readPrivateKey(Files.readString(out.resolve("key.pem"), StandardCharsets.US_ASCII));
        X509Certificate cert =
                Pem.readCertificate(Files.readString(out.resolve("cert.pem"), StandardCharsets.US_ASCII));
        assertThat(key.algorithm()).isEqualTo(algorithm);
        byte[] message = "a manifest".getBytes(StandardCharsets.US_ASCII);
        assertThat(Signatures.verify(cert, algorithm, message, key.sign(message)))
                .isTrue();
        cert.verify(cert.getPublicKey()); // self-signed
        assertThat(cert.getSubjectX500Principal().getName()).contains("hospital-a");
        assertThat(run.out().strip()).isEqualTo(KeyIds.of(cert));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("key.pem"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(out.resolve("key.pem"), StandardCharsets.US_ASCII))
                .doesNotContain(run.out().strip());
    }

    @Test
    void withCsrAlsoWritesARequestForTheSameKey() throws Exception {
        CliRun run = CliRun.of("keygen", "--institution", "hospital-b", "--out", dir.toString(), "--csr");
        assertThat(run.exit()).as(run.err()).isZero();
        byte[] csr = Pem.readCsr(Files.readString(dir.resolve("csr.pem"), StandardCharsets.US_ASCII));
        var request = new org.bouncycastle.pkcs.PKCS10CertificationRequest(csr);
        X509Certificate cert =
                Pem.readCertificate(Files.readString(dir.resolve("cert.pem"), StandardCharsets.US_ASCII));
        assertThat(request.getSubjectPublicKeyInfo().getEncoded())
                .isEqualTo(cert.getPublicKey().getEncoded());
        assertThat(request.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                        .build(request.getSubjectPublicKeyInfo())))
                .isTrue();
    }

    @Test
    void anExistingKeyIsNotOverwrittenWithoutForce() throws Exception {
        assertThat(CliRun.of("keygen", "--institution", "h", "--out", dir.toString())
                        .exit())
                .isZero();
        String before = Files.readString(dir.resolve("key.pem"), StandardCharsets.US_ASCII);
        CliRun again = CliRun.of("keygen", "--institution", "h", "--out", dir.toString());
        assertThat(again.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(again.errLine()).isEqualTo("dsx: " + dir.resolve("key.pem") + " exists; use --force to replace it");
        assertThat(Files.readString(dir.resolve("key.pem"), StandardCharsets.US_ASCII))
                .isEqualTo(before);
        assertThat(CliRun.of("keygen", "--institution", "h", "--out", dir.toString(), "--force")
                        .exit())
                .isZero();
        assertThat(Files.readString(dir.resolve("key.pem"), StandardCharsets.US_ASCII))
                .isNotEqualTo(before);
    }

    @Test
    void anInvalidInstitutionIdIsRefused() {
        CliRun run = CliRun.of("keygen", "--institution", "Hospital A", "--out", dir.toString());
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine()).isEqualTo("dsx: --institution must match [a-z0-9][a-z0-9-]{0,62}");
    }
}
