package io.dsx.crypto.kms;

import java.util.Arrays;
import java.util.Objects;

/** A DEK encrypted under the KEK {@code kekName}; opaque bytes whose format belongs to the KMS. */
public record WrappedKey(String kekName, byte[] ciphertext) {

    public WrappedKey {
        Objects.requireNonNull(kekName, "kekName");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && kekName.equals(w.kekName) && Arrays.equals(ciphertext, w.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * kekName.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[kek=" + kekName + ", " + ciphertext.length + " bytes]";
    }
}
