package io.dsx.crypto;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The random source for nonces, salts and keys: a NIST SP 800-90A DRBG (256-bit security, seeded
 * from the operating system, reseeded on demand). In-process, so a salt per record or a nonce per
 * segment costs no system call, unlike the default NativePRNG which reads /dev/urandom on every call.
 */
public final class Drbg {
    private Drbg() {}

    /** A new DRBG; {@code personalization} separates instances (RFC-style domain string, not secret). */
    public static SecureRandom create(String personalization) {
        try {
            return SecureRandom.getInstance(
                    "DRBG",
                    DrbgParameters.instantiation(
                            256,
                            DrbgParameters.Capability.RESEED_ONLY,
                            personalization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no 256-bit DRBG", e);
        }
    }
}
