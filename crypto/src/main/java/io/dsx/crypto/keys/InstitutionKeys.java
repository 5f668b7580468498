package io.dsx.crypto.keys;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.SigningKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** Generates an institution's signing key with a self-signed certificate, or a CSR for a CA to sign. */
public final class InstitutionKeys {

    /** RSA modulus size for new keys (NIST SP 800-57: 128-bit security). */
    public static final int RSA_BITS = 3072;

    private InstitutionKeys() {}

    /** A new key pair for {@code algorithm} and a self-signed certificate valid from now for {@code validity}. */
    public static InstitutionCredentials generate(
            SignatureAlgorithm algorithm, String subjectDn, Duration validity, Clock clock, SecureRandom random) {
        Objects.requireNonNull(subjectDn, "subjectDn");
        SigningKey key = generateKey(algorithm, random);
        return new InstitutionCredentials(
                key,
                Certificates.issue(
                        subjectDn,
                        key.publicKey(),
                        subjectDn,
                        key,
                        KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                        clock.instant(),
                        validity,
                        random));
    }

    /** A fresh signing key for {@code algorithm}. */
    public static SigningKey generateKey(SignatureAlgorithm algorithm, SecureRandom random) {
        try {
            KeyPairGenerator gen;
            switch (algorithm) {
                case ED25519:
                    gen = KeyPairGenerator.getInstance("Ed25519");
                    gen.initialize(255, random);
                    break;
                case ECDSA_P256_SHA256:
                    gen = KeyPairGenerator.getInstance("EC");
                    gen.initialize(new ECGenParameterSpec("secp256r1"), random);
                    break;
                default:
                    gen = KeyPairGenerator.getInstance("RSA");
                    gen.initialize(RSA_BITS, random);
            }
            KeyPair kp = gen.generateKeyPair();
            return SigningKey.of(kp.getPrivate(), kp.getPublic());
        } catch (GeneralSecurityException | CryptoException e) {
            throw new IllegalStateException("cannot generate a " + algorithm.wireName() + " key", e);
        }
    }

    /** A PKCS#10 certification request (DER) for {@code key}, signed by it, for {@code subjectDn}. */
    public static byte[] csr(SigningKey key, String subjectDn) {
        try {
            return new PKCS10CertificationRequestBuilder(
                            Certificates.name(subjectDn),
                            SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()))
                    .build(new HandleContentSigner(key))
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode CSR", e);
        }
    }
}
