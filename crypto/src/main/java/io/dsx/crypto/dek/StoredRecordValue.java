package io.dsx.crypto.dek;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.aead.AesGcmKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The value of a record on {@code dsx.data.<datasetId>} (DESIGN §3.2), version 1:
 * <pre>
 *   0x01 || u8 n || keyId (n bytes UTF-8, 1..255) || nonce[12] || AES-256-GCM(DEK, salt || record bytes) || tag[16]
 * </pre>
 * with aad = UTF-8 of {@code datasetId|schemaVersion|contributionId|index} ({@link #aad}).
 */
public final class StoredRecordValue {

    public static final byte VERSION = 0x01;
    public static final int MAX_KEY_ID_LENGTH = 255;

    private StoredRecordValue() {
    }

    /** The aad that binds a stored record to its place: ids must not contain {@code '|'}. */
    public static byte[] aad(String datasetId, int schemaVersion, String contributionId, long index) {
        if (datasetId.indexOf('|') >= 0 || contributionId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("ids in the stored-record aad must not contain '|'");
        }
        return (datasetId + "|" + schemaVersion + "|" + contributionId + "|" + index).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code 0x01 || u8 len || keyId || sealed}, where {@code sealed} is {@code nonce || ciphertext || tag}. */
    static byte[] encode(String keyId, byte[] sealed) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("keyId must be 1.." + MAX_KEY_ID_LENGTH + " UTF-8 bytes");
        }
        byte[] out = new byte[2 + id.length + sealed.length];
        out[0] = VERSION;
        out[1] = (byte) id.length;
        System.arraycopy(id, 0, out, 2, id.length);
        System.arraycopy(sealed, 0, out, 2 + id.length, sealed.length);
        return out;
    }

    /** The DEK id a stored value was sealed with (for the record header). */
    public static String keyIdOf(byte[] value) throws CryptoException {
        return new String(value, 2, keyIdLength(value), StandardCharsets.UTF_8);
    }

    /** The {@code nonce || ciphertext || tag} part. */
    static byte[] sealedPart(byte[] value) throws CryptoException {
        return Arrays.copyOfRange(value, 2 + keyIdLength(value), value.length);
    }

    private static int keyIdLength(byte[] value) throws CryptoException {
        if (value == null || value.length < 2 || value[0] != VERSION) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "not a version-1 stored record value");
        }
        int n = value[1] & 0xff;
        if (n == 0 || value.length < 2 + n + AesGcmKey.NONCE_LENGTH + AesGcmKey.TAG_LENGTH) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "stored record value truncated");
        }
        return n;
    }
}
