package io.dsx.policy.builtins.plain;

import java.security.SecureRandom;
import java.util.Random;

/**
 * A {@link SecureRandom} view of the query's injected random source, so signing stays
 * replayable. Only used where the bytes are not secret-critical (RSA-PSS salts); ECDSA nonces
 * are derived deterministically instead.
 */
public final class InjectedSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private final transient Random source;

    public InjectedSecureRandom(Random source) {
        super(new byte[0]);
        this.source = source;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source.nextBytes(bytes);
    }

    @Override
    public void setSeed(long seed) {
        // the injected source owns its seed
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] b = new byte[numBytes];
        nextBytes(b);
        return b;
    }
}
