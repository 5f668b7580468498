package io.dsx.crypto.aead;

import io.dsx.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key, an opaque handle that seals and opens with AES-256-GCM. It holds its own copy of
 * the key bytes and wipes them on {@link #destroy()}.
 */
public final class AesGcmKey {

    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
        }
    });

    private final byte[] key;
    private final SecureRandom random;
    private volatile boolean destroyed;

    private AesGcmKey(byte[] key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** A fresh random key; {@code random} also draws its nonces. */
    public static AesGcmKey generate(SecureRandom random) {
        byte[] k = new byte[KEY_LENGTH];
        random.nextBytes(k);
        return new AesGcmKey(k, random);
    }

    /** Wraps a 32-byte AES key (copied); nonces come from a new {@link SecureRandom}. */
    public static AesGcmKey of(SecretKey secretKey) {
        return of(secretKey, new SecureRandom());
    }

    /** Wraps a 32-byte AES key (copied); nonces come from {@code random}. */
    public static AesGcmKey of(SecretKey secretKey, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] k = secretKey.getEncoded();
        if (k == null || k.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256 needs a " + KEY_LENGTH + "-byte key");
        }
        return new AesGcmKey(k, random);
    }

    /** Encrypts under a fresh random nonce: returns {@code nonce[12] || ciphertext || tag[16]}. */
    public byte[] seal(byte[] plaintext, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, aad);
            byte[] out = Arrays.copyOf(nonce, sealedLength(plaintext.length));
            Gcm.encrypt(c, plaintext, 0, plaintext.length, out, NONCE_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Bytes {@link #seal(byte[], int, int, byte[], byte[], int)} writes for {@code plaintextLength} bytes. */
    public static int sealedLength(int plaintextLength) {
        return NONCE_LENGTH + plaintextLength + TAG_LENGTH;
    }

    /**
     * Encrypts {@code plaintext[offset, offset + length)} under a fresh random nonce and writes
     * {@code nonce[12] || ciphertext || tag[16]} ({@link #sealedLength} bytes) into {@code out} at
     * {@code outOffset}: no intermediate copy of a large plaintext.
     */
    public void seal(byte[] plaintext, int offset, int length, byte[] aad, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, plaintext.length);
        Objects.checkFromIndexSize(outOffset, sealedLength(length), out.length);
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, aad);
            System.arraycopy(nonce, 0, out, outOffset, NONCE_LENGTH);
            Gcm.encrypt(c, plaintext, offset, length, out, outOffset + NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts {@code nonce || ciphertext || tag}; DECRYPTION_FAILED for a wrong key, aad or any altered byte. */
    public byte[] open(byte[] sealed, byte[] aad) throws CryptoException {
        Objects.requireNonNull(sealed, "sealed");
        return open(sealed, 0, sealed.length, aad);
    }

    /** As {@link #open(byte[], byte[])} for {@code sealed[offset, offset + length)}. */
    public byte[] open(byte[] sealed, int offset, int length, byte[] aad) throws CryptoException {
        Objects.checkFromIndexSize(offset, length, sealed.length);
        if (length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException(
                    CryptoException.Reason.MALFORMED,
                    "AES-GCM input shorter than nonce and tag (" + length + " bytes)");
        }
        if (destroyed) {
            throw new IllegalStateException("AES key was destroyed");
        }
        try {
            return Gcm.decrypt(
                    key,
                    Arrays.copyOfRange(sealed, offset, offset + NONCE_LENGTH),
                    aad == null ? new byte[0] : aad,
                    sealed,
                    offset + NONCE_LENGTH,
                    length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new CryptoException(CryptoException.Reason.DECRYPTION_FAILED, "AES-GCM tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Wipes the key bytes; later operations throw {@link IllegalStateException}. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        if (destroyed) {
            throw new IllegalStateException("AES key was destroyed");
        }
        // Cipher.getInstance looks the provider up each time; one instance per thread is reused (re-init per message)
        Cipher c = CIPHERS.get();
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        if (aad != null && aad.length > 0) {
            c.updateAAD(aad);
        }
        return c;
    }

    @Override
    public String toString() {
        return "AesGcmKey[***]";
    }
}
