package io.dsx.crypto.note;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * An Ed25519 note verifier key: name, 32-bit key id and public key, written
 * {@code <name>+<8 hex key id>+<base64(0x01 || 32-byte key)>} as Go's note package does.
 */
public record NoteVerifierKey(String name, int keyId, byte[] publicKey) {

    static final byte ED25519 = 0x01;

    public NoteVerifierKey {
        checkName(name);
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    /** The key for {@code name} and raw Ed25519 {@code publicKey}, with the recommended key id. */
    public static NoteVerifierKey of(String name, byte[] publicKey) {
        return new NoteVerifierKey(name, keyId(name, publicKey), publicKey);
    }

    /** key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian. */
    public static int keyId(String name, byte[] publicKey) {
        byte[] h = Sha256.digest(name.getBytes(StandardCharsets.UTF_8), new byte[] {0x0a, ED25519}, publicKey);
        return ByteBuffer.wrap(h, 0, 4).getInt();
    }

    /** Parses the text form; MALFORMED for anything else, including a key id that does not match the key. */
    public static NoteVerifierKey parse(String text) throws CryptoException {
        String[] parts = text.split("\\+", 3);
        try {
            if (parts.length != 3 || parts[1].length() != 8 || !parts[1].equals(parts[1].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("shape");
            }
            int id = Integer.parseUnsignedInt(parts[1], 16);
            byte[] material = Base64.getDecoder().decode(parts[2]);
            if (material.length != 33 || material[0] != ED25519) {
                throw new IllegalArgumentException("not Ed25519");
            }
            NoteVerifierKey key = new NoteVerifierKey(parts[0], id, Arrays.copyOfRange(material, 1, 33));
            if (keyId(key.name, key.publicKey) != id) {
                throw new IllegalArgumentException("key id mismatch");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "malformed note verifier key", e);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The text form, e.g. {@code PeterNeumann+c74f20a3+ARpc...}. */
    @Override
    public String toString() {
        byte[] material = new byte[33];
        material[0] = ED25519;
        System.arraycopy(publicKey, 0, material, 1, 32);
        return name + "+" + String.format("%08x", keyId) + "+"
                + Base64.getEncoder().encodeToString(material);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifierKey k
                && name.equals(k.name)
                && keyId == k.keyId
                && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, Arrays.hashCode(publicKey));
    }

    static void checkName(String name) {
        if (name == null
                || name.isEmpty()
                || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '+')) {
            throw new IllegalArgumentException("note key names are non-empty, without spaces or '+'");
        }
    }
}
