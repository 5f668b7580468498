package io.dsx.crypto.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 (FIPS 180-4) over the concatenation of byte arrays. */
public final class Sha256 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private Sha256() {}

    /** SHA-256 of {@code parts} concatenated, without copying them into one buffer. */
    public static byte[] digest(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    /** Lowercase hex of {@link #digest(byte[]...)}. */
    public static String hex(byte[]... parts) {
        return Hex.encode(digest(parts));
    }

    /** A fresh JDK digest; every JDK ships SHA-256, so its absence is a broken runtime. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
