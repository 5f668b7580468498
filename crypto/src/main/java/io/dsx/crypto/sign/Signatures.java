package io.dsx.crypto.sign;

import io.dsx.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** Signature verification. A bad signature is an answer ({@code false}), not an exception. */
public final class Signatures {

    private Signatures() {}

    /**
     * True when {@code signature} is a valid {@code algorithm} signature of {@code message} by the
     * certificate's subject key. False when it is not, or when the algorithm does not fit the key
     * (an Ed25519 certificate never verifies an ECDSA claim). Certificate validity dates and
     * revocation are the caller's registry's business, not checked here.
     */
    public static boolean verify(
            X509Certificate certificate, SignatureAlgorithm algorithm, byte[] message, byte[] signature) {
        Objects.requireNonNull(certificate, "certificate");
        return verify(certificate.getPublicKey(), algorithm, message, signature);
    }

    /** As {@link #verify(X509Certificate, SignatureAlgorithm, byte[], byte[])} for a bare public key. */
    public static boolean verify(PublicKey key, SignatureAlgorithm algorithm, byte[] message, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        try {
            if (SignatureAlgorithm.forKey(key) != algorithm) {
                return false;
            }
            if (algorithm == SignatureAlgorithm.ED25519) {
                return verifyEd25519(key, message, signature);
            }
            Signature s = Jca.signature(algorithm);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (CryptoException | GeneralSecurityException | IllegalArgumentException | ProviderException e) {
            // Unsupported keys and signatures the provider cannot even parse are simply not valid.
            return false;
        }
    }

    /**
     * RFC 8032 §5.1.7 verification with Bouncy Castle's Ed25519 arithmetic, an order of magnitude faster
     * than JDK 17's; same strictness (canonical encodings, no cofactor). The key is the 32 bytes that
     * end its X.509 SubjectPublicKeyInfo (RFC 8410 §4).
     */
    private static boolean verifyEd25519(PublicKey key, byte[] message, byte[] signature) {
        byte[] spki = key.getEncoded();
        if (signature.length != org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE
                || spki == null
                || spki.length != ED25519_SPKI_LENGTH) {
            return false;
        }
        byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, raw, 0, message, 0, message.length);
    }

    private static final int ED25519_SPKI_LENGTH = 44;

    /** Verifies or throws BAD_SIGNATURE: for callers that treat a bad signature as a failed request. */
    public static void check(
            X509Certificate certificate, SignatureAlgorithm algorithm, byte[] message, byte[] signature)
            throws CryptoException {
        if (!verify(certificate, algorithm, message, signature)) {
            throw new CryptoException(
                    CryptoException.Reason.BAD_SIGNATURE,
                    algorithm.wireName() + " signature does not verify with certificate "
                            + certificate.getSubjectX500Principal().getName());
        }
    }
}
