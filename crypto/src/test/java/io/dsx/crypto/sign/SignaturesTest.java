package io.dsx.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignaturesTest {

    private static final byte[] MESSAGE = "manifest bytes || sha256(enc || ct)".getBytes(UTF_8);
    private static final Map<SignatureAlgorithm, InstitutionCredentials> CREDS =
            new EnumMap<>(SignatureAlgorithm.class);

    @BeforeAll
    static void generateOneKeyPerAlgorithm() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            CREDS.put(
                    a,
                    InstitutionKeys.generate(a, "CN=Hospital " + a, Duration.ofDays(365), clock, new SecureRandom()));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signatureVerifiesWithTheCertificateAndTamperingIsDetected(SignatureAlgorithm algorithm) {
        InstitutionCredentials c = CREDS.get(algorithm);
        byte[] sig = c.signingKey().sign(MESSAGE);
        assertThat(Signatures.verify(c.certificate(), algorithm, MESSAGE, sig)).isTrue();

        byte[] tamperedMessage = MESSAGE.clone();
        tamperedMessage[0] ^= 1;
        assertThat(Signatures.verify(c.certificate(), algorithm, tamperedMessage, sig))
                .isFalse();
        byte[] tamperedSig = sig.clone();
        tamperedSig[sig.length / 2] ^= 1;
        assertThat(Signatures.verify(c.certificate(), algorithm, MESSAGE, tamperedSig))
                .isFalse();
        assertThat(Signatures.verify(c.certificate(), algorithm, MESSAGE, new byte[0]))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void algorithmIsChosenFromTheCertificatesKey(SignatureAlgorithm algorithm) throws Exception {
        assertThat(SignatureAlgorithm.forCertificate(CREDS.get(algorithm).certificate()))
                .isEqualTo(algorithm);
        assertThat(CREDS.get(algorithm).signingKey().algorithm()).isEqualTo(algorithm);
    }

    @Test
    void signatureClaimingAnotherAlgorithmThanTheCertificatesKeyIsRejected() {
        InstitutionCredentials ec = CREDS.get(SignatureAlgorithm.ECDSA_P256_SHA256);
        byte[] sig = ec.signingKey().sign(MESSAGE);
        assertThat(Signatures.verify(ec.certificate(), SignatureAlgorithm.ED25519, MESSAGE, sig))
                .isFalse();
        assertThat(Signatures.verify(ec.certificate(), SignatureAlgorithm.RSA_PSS_SHA256, MESSAGE, sig))
                .isFalse();
    }

    @Test
    void signatureByAnotherInstitutionDoesNotVerify() {
        byte[] sig = CREDS.get(SignatureAlgorithm.ED25519).signingKey().sign(MESSAGE);
        InstitutionCredentials other = InstitutionKeys.generate(
                SignatureAlgorithm.ED25519, "CN=Other", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
        assertThat(Signatures.verify(other.certificate(), SignatureAlgorithm.ED25519, MESSAGE, sig))
                .isFalse();
        assertThatThrownBy(() -> Signatures.check(other.certificate(), SignatureAlgorithm.ED25519, MESSAGE, sig))
                .isInstanceOfSatisfying(
                        CryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_SIGNATURE));
    }

    @Test
    void wireNamesRoundTripAndUnknownNamesAreRefused() throws Exception {
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            assertThat(SignatureAlgorithm.fromWireName(a.wireName())).isEqualTo(a);
            assertThat(SignatureAlgorithm.fromWireName(a.wireName().toUpperCase(java.util.Locale.ROOT)))
                    .isEqualTo(a);
        }
        assertThat(SignatureAlgorithm.ED25519.wireName()).isEqualTo("ed25519");
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.wireName()).isEqualTo("ecdsa-p256-sha256");
        assertThat(SignatureAlgorithm.RSA_PSS_SHA256.wireName()).isEqualTo("rsa-pss-sha256");
        assertThatThrownBy(() -> SignatureAlgorithm.fromWireName("rsa-pkcs1-sha1"))
                .isInstanceOfSatisfying(
                        CryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void pkcs8RoundTripKeepsTheKeyAndToStringHidesIt() throws Exception {
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            SigningKey original = CREDS.get(a).signingKey();
            SigningKey copy = SigningKey.fromPkcs8(original.exportPkcs8());
            assertThat(copy.publicKey()).isEqualTo(original.publicKey());
            assertThat(Signatures.verify(CREDS.get(a).certificate(), a, MESSAGE, copy.sign(MESSAGE)))
                    .isTrue();
            assertThat(copy.toString()).contains("***").doesNotContain("PRIVATE");
        }
    }

    @Test
    void destroyedKeyRefusesToSign() {
        SigningKey key = InstitutionKeys.generateKey(SignatureAlgorithm.ED25519, new SecureRandom());
        key.destroy();
        assertThatThrownBy(() -> key.sign(MESSAGE)).isInstanceOf(IllegalStateException.class);
    }
}
