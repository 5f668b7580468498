package io.dsx.crypto.hpke;

import io.dsx.crypto.CryptoException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/**
 * An X25519 HPKE recipient key pair, an opaque handle: it opens sealed messages and never hands out
 * its private bytes except through {@link #exportPkcs8()} for the owner's keystore.
 */
public final class HpkeKeyPair {

    private final X25519PrivateKeyParameters privateKey;
    private final HpkePublicKey publicKey;
    private volatile boolean destroyed;

    private HpkeKeyPair(X25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = HpkePublicKey.of(privateKey.generatePublicKey().getEncoded());
    }

    /** A fresh key pair; 32 bytes from {@code random} are the RFC 9180 DeriveKeyPair input. */
    public static HpkeKeyPair generate(SecureRandom random) {
        byte[] ikm = new byte[32];
        random.nextBytes(ikm);
        try {
            return derive(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** RFC 9180 §7.1.3 DeriveKeyPair(ikm): the same ikm always gives the same key (for test vectors). */
    public static HpkeKeyPair derive(byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        if (ikm.length < 32) {
            throw new IllegalArgumentException("DeriveKeyPair needs at least 32 bytes of ikm");
        }
        return new HpkeKeyPair(KeySchedule.deriveKeyPair(ikm));
    }

    /** Reads a PKCS#8 (RFC 8410) X25519 private key, as {@link #exportPkcs8()} writes it. */
    public static HpkeKeyPair fromPkcs8(byte[] der) throws CryptoException {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(der);
            if (key instanceof X25519PrivateKeyParameters x) {
                return new HpkeKeyPair(x);
            }
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "not a PKCS#8 X25519 private key", e);
        }
        throw new CryptoException(CryptoException.Reason.UNSUPPORTED_ALGORITHM, "PKCS#8 key is not X25519");
    }

    public HpkePublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return publicKey.keyId();
    }

    /** Opens a message sealed to this key; fails as DECRYPTION_FAILED for any altered input. */
    public byte[] open(Sealed sealed, byte[] info, byte[] aad) throws CryptoException {
        checkLive();
        byte[] enc = sealed.enc();
        if (enc.length != HpkeSuite.ENC_LENGTH) {
            throw new CryptoException(
                    CryptoException.Reason.MALFORMED,
                    "enc must have " + HpkeSuite.ENC_LENGTH + " bytes, has " + enc.length);
        }
        try {
            KeySchedule.Context ctx = KeySchedule.receiver(privateKey, enc, nonNull(info));
            return KeySchedule.open(ctx, nonNull(aad), sealed.ciphertext());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            // BC rejects a low-order enc with IllegalStateException; to the caller it is one failure.
            throw new CryptoException(CryptoException.Reason.DECRYPTION_FAILED, "HPKE open failed");
        }
    }

    /** PKCS#8 DER of the private key, only for persisting it in the owner's keystore. */
    public byte[] exportPkcs8() {
        checkLive();
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode X25519 private key", e);
        }
    }

    /** Forgets the key: later operations throw {@link IllegalStateException}. */
    public void destroy() {
        destroyed = true;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("HPKE key " + keyId() + " was destroyed");
        }
    }

    static byte[] nonNull(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    @Override
    public String toString() {
        return "HpkeKeyPair[keyId=" + keyId() + ", private=***]";
    }
}
