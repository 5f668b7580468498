package io.dsx.crypto.kms;

import io.dsx.crypto.aead.AesGcmKey;
import java.util.Objects;

/** A new DEK: the usable key handle and its wrapped form, which is what may be stored. */
public record DekPair(AesGcmKey dek, WrappedKey wrapped) {

    public DekPair {
        Objects.requireNonNull(dek, "dek");
        Objects.requireNonNull(wrapped, "wrapped");
    }
}
