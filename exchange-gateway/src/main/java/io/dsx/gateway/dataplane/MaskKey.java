package io.dsx.gateway.dataplane;

import io.dsx.crypto.hash.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of the {@code hash} mask for one grant: HMAC-SHA256 under
 * {@code HKDF-SHA256(salt = "dsx/mask/v1", ikm = the gateway's mask root, info = grant id)},
 * truncated to 128 bits, base64url. Stable within a grant (a job can join one subject's records),
 * unlinkable across grants (another grant's key is independent). Not thread-safe; one per stream.
 */
public final class MaskKey {

    private static final byte[] SALT = "dsx/mask/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final Mac mac;
    private final byte[] out = new byte[32];
    private final byte[] truncated = new byte[16];

    private MaskKey(Mac mac) {
        this.mac = mac;
    }

    /** The key of {@code grantId} under {@code root} (32 secret bytes; not retained). */
    public static MaskKey forGrant(byte[] root, String grantId) {
        byte[] key = Hkdf.expand(Hkdf.extract(SALT, root), grantId.getBytes(StandardCharsets.UTF_8), 32);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new MaskKey(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The masked form of a value's text. */
    public String hash(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return hash(utf8, utf8.length);
    }

    /** The masked form of a text given as its first {@code length} UTF-8 bytes (an Avro Utf8 as it was decoded). */
    public String hash(byte[] utf8, int length) {
        mac.update(utf8, 0, length);
        try {
            mac.doFinal(out, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException("HmacSHA256 gives 32 bytes", e);
        }
        System.arraycopy(out, 0, truncated, 0, 16);
        return BASE64URL.encodeToString(truncated);
    }

    @Override
    public String toString() {
        return "MaskKey[***]";
    }
}
