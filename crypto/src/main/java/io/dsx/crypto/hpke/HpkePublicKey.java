package io.dsx.crypto.hpke;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.hash.Sha256;
import java.util.Arrays;
import java.util.Objects;

/**
 * A recipient's X25519 public key as RFC 9180 serializes it (32 raw bytes), with its key id: the
 * lowercase hex SHA-256 of those bytes. This is what the gateway publishes and contributors seal to.
 */
public final class HpkePublicKey {

    private final byte[] raw;

    private HpkePublicKey(byte[] raw) {
        this.raw = raw;
    }

    /** Wraps a 32-byte serialized X25519 public key. */
    public static HpkePublicKey of(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != HpkeSuite.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "an X25519 public key has " + HpkeSuite.PUBLIC_KEY_LENGTH + " bytes, not " + raw.length);
        }
        return new HpkePublicKey(raw.clone());
    }

    public byte[] bytes() {
        return raw.clone();
    }

    /** Lowercase hex SHA-256 of the raw key: the manifest's {@code recipientKeyId}. */
    public String keyId() {
        return Sha256.hex(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HpkePublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "HpkePublicKey[" + Hex.encode(raw) + "]";
    }
}
