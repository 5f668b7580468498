package io.dsx.crypto.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Converts between JDK Ed25519 public keys and their 32-byte RFC 8032 encoding: the one place that
 * knows the SubjectPublicKeyInfo prefix (signed notes, the published receipt key, JWKs).
 */
public final class Ed25519Raw {

    /** Bytes of a raw Ed25519 public key. */
    public static final int LENGTH = 32;

    /** DER of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4) up to the key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Raw() {}

    /** The 32 raw key bytes of a JDK Ed25519 public key; IllegalArgumentException for any other key. */
    public static byte[] raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    /** A JDK key from 32 raw bytes; GeneralSecurityException if they are not a valid Ed25519 point encoding. */
    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != LENGTH) {
            throw new java.security.spec.InvalidKeySpecException("an Ed25519 key has 32 bytes, not " + raw.length);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
