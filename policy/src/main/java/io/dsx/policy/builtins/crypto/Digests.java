package io.dsx.policy.builtins.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hash and HMAC builtins over plain strings (OPA's {@code topdown/crypto.go} semantics). */
public final class Digests {

    /** The hash functions OPA exposes; the JCA names are the same for digest and HMAC. */
    public enum HashFunction {
        MD5("MD5", "HmacMD5"),
        SHA1("SHA-1", "HmacSHA1"),
        SHA256("SHA-256", "HmacSHA256"),
        SHA384("SHA-384", "HmacSHA384"),
        SHA512("SHA-512", "HmacSHA512");

        private final String digestName;
        private final String macName;

        HashFunction(String digestName, String macName) {
            this.digestName = digestName;
            this.macName = macName;
        }
    }

    private Digests() {}

    /** {@code crypto.md5(x)} and friends: hex of the digest of the UTF-8 bytes of {@code x}. */
    public static String digestHex(HashFunction f, String input) {
        try {
            MessageDigest md = MessageDigest.getInstance(f.digestName);
            return HexFormat.of().formatHex(md.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + f.digestName, e);
        }
    }

    /** {@code crypto.hmac.<f>(message, key)}: hex of the HMAC of the message under the key. */
    public static String hmacHex(HashFunction f, String message, String key) {
        return HexFormat.of()
                .formatHex(hmac(f, key.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Raw HMAC; an empty key is allowed, as in Go. */
    public static byte[] hmac(HashFunction f, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(f.macName);
            // SecretKeySpec rejects an empty key; HMAC pads any key to the block size, so one zero
            // byte gives the same result as Go's empty key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, f.macName));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + f.macName, e);
        }
    }

    /** {@code crypto.hmac.equal(a, b)}: constant-time comparison of two MAC strings. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
