package io.dsx.crypto.dek;

import io.dsx.crypto.aead.AesGcmKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The right to seal {@code records} records of one dataset under the DEK {@code keyId}, reserved
 * against the DEK's use count ({@link DekManager#lease}). {@code created} is present when this lease
 * started a new DEK: the caller must make that wrapped DEK durable on {@code dsx.keys} before anything
 * sealed under it becomes visible.
 */
public record DekLease(String keyId, AesGcmKey key, int records, Optional<WrappedDek> created) {

    public DekLease {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(created, "created");
    }

    @Override
    public String toString() {
        return "DekLease[keyId=" + keyId + ", records=" + records + ", created=" + created.isPresent() + ", key=***]";
    }
}
