package io.dsx.crypto.sign;

import io.dsx.crypto.CryptoException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * A private signing key, an opaque handle: it signs, tells its algorithm and public key, and gives
 * out its private bytes only through {@link #exportPkcs8()} for the owner's own key file.
 */
public final class SigningKey {

    private final SignatureAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private volatile boolean destroyed;
    /** Bouncy Castle's form of an Ed25519 key, made on first use: RFC 8032 signing ~10x faster than JDK 17's. */
    private volatile Ed25519PrivateKeyParameters ed25519;

    private SigningKey(SignatureAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Wraps a JDK key pair; the algorithm follows from the public key. */
    public static SigningKey of(PrivateKey privateKey, PublicKey publicKey) throws CryptoException {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        return new SigningKey(SignatureAlgorithm.forKey(publicKey), privateKey, publicKey);
    }

    /** Reads a PKCS#8 DER private key (Ed25519, EC P-256 or RSA) and derives its public key. */
    public static SigningKey fromPkcs8(byte[] der) throws CryptoException {
        Objects.requireNonNull(der, "der");
        AsymmetricKeyParameter bcPrivate;
        try {
            bcPrivate = PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "not a PKCS#8 private key", e);
        }
        try {
            AsymmetricKeyParameter bcPublic = publicOf(bcPrivate);
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(bcPublic)
                    .getEncoded();
            String family = jcaFamily(bcPrivate);
            KeyFactory kf = KeyFactory.getInstance(family);
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(spki));
            return of(priv, pub);
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "unreadable PKCS#8 private key", e);
        }
    }

    /** An Ed25519 key from its 32-byte RFC 8032 seed (the "secret key" of the RFC's test vectors). */
    public static SigningKey ed25519FromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        try {
            return fromPkcs8(PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(seed, 0))
                    .getEncoded());
        } catch (IOException | CryptoException e) {
            throw new IllegalStateException("cannot encode an Ed25519 key", e);
        }
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs {@code message}; Ed25519 is deterministic, ECDSA and RSA-PSS are randomized. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        checkLive();
        if (algorithm == SignatureAlgorithm.ED25519) {
            byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
            ed25519()
                    .sign(
                            org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
                            null,
                            message,
                            0,
                            message.length,
                            signature,
                            0);
            return signature;
        }
        try {
            Signature s = Jca.signature(algorithm);
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.wireName() + " signing failed", e);
        }
    }

    private Ed25519PrivateKeyParameters ed25519() {
        Ed25519PrivateKeyParameters k = ed25519;
        if (k == null) {
            try {
                k = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(privateKey.getEncoded());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Ed25519 private key not readable as PKCS#8", e);
            }
            ed25519 = k;
        }
        return k;
    }

    /** PKCS#8 DER of the private key, only for writing the owner's own key file or keystore. */
    public byte[] exportPkcs8() {
        checkLive();
        return privateKey.getEncoded();
    }

    /** Forgets the key; the JDK's key classes may refuse to wipe their bytes, which is tolerated. */
    public void destroy() {
        destroyed = true;
        ed25519 = null;
        try {
            privateKey.destroy();
        } catch (DestroyFailedException | RuntimeException e) {
            // Most JDK private keys do not implement destroy(); the handle is still unusable after this.
        }
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("signing key was destroyed");
        }
    }

    private static AsymmetricKeyParameter publicOf(AsymmetricKeyParameter priv) throws CryptoException {
        if (priv instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (priv instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(
                    ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
        }
        if (priv instanceof RSAPrivateCrtKeyParameters rsa) {
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        throw new CryptoException(
                CryptoException.Reason.UNSUPPORTED_ALGORITHM,
                "unsupported private key type " + priv.getClass().getSimpleName());
    }

    private static String jcaFamily(AsymmetricKeyParameter priv) {
        if (priv instanceof Ed25519PrivateKeyParameters) {
            return "Ed25519";
        }
        return priv instanceof ECPrivateKeyParameters ? "EC" : "RSA";
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm.wireName() + ", private=***]";
    }
}
