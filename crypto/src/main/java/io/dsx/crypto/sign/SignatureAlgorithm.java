package io.dsx.crypto.sign;

import io.dsx.crypto.CryptoException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/**
 * The signature algorithms dsx accepts, a closed set. {@link #wireName()} is what a manifest's or
 * receipt's {@code signatureAlgorithm} field carries; it is stable API.
 */
public enum SignatureAlgorithm {

    /** EdDSA over edwards25519, pure (no pre-hash): RFC 8032 §5.1. */
    ED25519("ed25519", "RFC 8032 Ed25519", "Ed25519", null),

    /** ECDSA over NIST P-256 with SHA-256, DER-encoded (r, s): FIPS 186-5, RFC 5758 ecdsa-with-SHA256. */
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "FIPS 186-5 ECDSA P-256 / SHA-256", "SHA256withECDSA", null),

    /** RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt, trailer field 1: RFC 8017 §8.1. */
    RSA_PSS_SHA256(
            "rsa-pss-sha256",
            "RFC 8017 RSASSA-PSS / SHA-256",
            "RSASSA-PSS",
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));

    /** RSA keys shorter than this are refused (NIST SP 800-131A). */
    public static final int MIN_RSA_BITS = 2048;

    /** Order n of the P-256 base point (FIPS 186-5 / SEC 2 secp256r1). */
    private static final BigInteger P256_ORDER =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private final String wireName;
    private final String rfc;
    private final String jcaName;
    private final AlgorithmParameterSpec parameters;

    SignatureAlgorithm(String wireName, String rfc, String jcaName, AlgorithmParameterSpec parameters) {
        this.wireName = wireName;
        this.rfc = rfc;
        this.jcaName = jcaName;
        this.parameters = parameters;
    }

    /** The name written in manifests and receipts, e.g. {@code "ed25519"}. */
    public String wireName() {
        return wireName;
    }

    /** The standard that defines the algorithm, for documentation and error messages. */
    public String rfc() {
        return rfc;
    }

    String jcaName() {
        return jcaName;
    }

    AlgorithmParameterSpec parameters() {
        return parameters;
    }

    /** Parses a wire name (ASCII case-insensitive). */
    public static SignatureAlgorithm fromWireName(String name) throws CryptoException {
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (SignatureAlgorithm a : values()) {
                if (a.wireName.equals(lower)) {
                    return a;
                }
            }
        }
        throw new CryptoException(
                CryptoException.Reason.UNSUPPORTED_ALGORITHM, "unknown signature algorithm '" + name + "'");
    }

    /** The algorithm a certificate's subject key signs with. */
    public static SignatureAlgorithm forCertificate(X509Certificate certificate) throws CryptoException {
        return forKey(certificate.getPublicKey());
    }

    /**
     * The algorithm a public key signs with: Ed25519 keys, P-256 EC keys and RSA keys of at least
     * {@value #MIN_RSA_BITS} bits; anything else is UNSUPPORTED_ALGORITHM.
     */
    public static SignatureAlgorithm forKey(PublicKey key) throws CryptoException {
        if (key instanceof EdECKey ed
                && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return ED25519;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getOrder().equals(P256_ORDER)) {
            return ECDSA_P256_SHA256;
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new CryptoException(
                        CryptoException.Reason.UNSUPPORTED_ALGORITHM,
                        "RSA key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " required");
            }
            return RSA_PSS_SHA256;
        }
        throw new CryptoException(
                CryptoException.Reason.UNSUPPORTED_ALGORITHM,
                "unsupported key type " + key.getAlgorithm() + " (dsx accepts Ed25519, EC P-256, RSA)");
    }
}
