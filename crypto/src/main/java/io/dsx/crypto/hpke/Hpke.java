package io.dsx.crypto.hpke;

import io.dsx.crypto.CryptoException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Single-shot HPKE (RFC 9180 §6.1 SealBase / OpenBase) with {@link HpkeSuite}.
 *
 * <p>The ephemeral key is derived (DeriveKeyPair) from 32 bytes of the given random source, so a
 * seeded random yields reproducible envelopes for test vectors while production uses a
 * {@link SecureRandom}.
 */
public final class Hpke {

    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

    private Hpke() {}

    /** Seals {@code plaintext} to {@code recipient} with a fresh ephemeral key. */
    public static Sealed seal(HpkePublicKey recipient, byte[] info, byte[] aad, byte[] plaintext) {
        return seal(recipient, info, aad, plaintext, DEFAULT_RANDOM);
    }

    /** Seals with an ephemeral key derived from 32 bytes of {@code random}. */
    public static Sealed seal(HpkePublicKey recipient, byte[] info, byte[] aad, byte[] plaintext, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] ikmE = new byte[32];
        random.nextBytes(ikmE);
        try {
            return sealWithEphemeralIkm(recipient, info, aad, plaintext, ikmE);
        } finally {
            Arrays.fill(ikmE, (byte) 0);
        }
    }

    /** Opens {@code sealed} with the recipient's key pair. */
    public static byte[] open(HpkeKeyPair recipient, Sealed sealed, byte[] info, byte[] aad) throws CryptoException {
        return recipient.open(sealed, info, aad);
    }

    /** RFC 9180 test vectors give ikmE; this is the deterministic core of {@link #seal}. */
    static Sealed sealWithEphemeralIkm(
            HpkePublicKey recipient, byte[] info, byte[] aad, byte[] plaintext, byte[] ikmE) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] enc = new byte[HpkeSuite.ENC_LENGTH];
        KeySchedule.Context ctx =
                KeySchedule.sender(KeySchedule.deriveKeyPair(ikmE), recipient.bytes(), HpkeKeyPair.nonNull(info), enc);
        return new Sealed(enc, KeySchedule.seal(ctx, HpkeKeyPair.nonNull(aad), plaintext));
    }
}
