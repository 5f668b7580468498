package io.dsx.crypto.hpke;

import java.util.Arrays;
import java.util.Objects;

/**
 * The output of {@link Hpke#seal}: the encapsulated key {@code enc} and the AEAD ciphertext (with tag).
 * Both are public values, held as given and handed out as held, not copied: a contribution's
 * ciphertext is megabytes and is read several times on the gateway's hot path. Treat them as
 * read-only.
 */
public record Sealed(byte[] enc, byte[] ciphertext) {

    public Sealed {
        Objects.requireNonNull(enc, "enc");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sealed other
                && Arrays.equals(enc, other.enc)
                && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(enc) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "Sealed[enc=" + enc.length + " bytes, ciphertext=" + ciphertext.length + " bytes]";
    }
}
