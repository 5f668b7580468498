package io.dsx.schemas.envelope;

import io.dsx.crypto.hash.Sha256;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * A test-only, fully predictable "random": block i of the stream is SHA-256(seed || i). Used to
 * make golden envelopes reproducible; never use outside tests.
 */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;
    private long block;
    private byte[] buffer = new byte[0];
    private int used;

    FixedRandom(String seed) {
        this.seed = seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (used == buffer.length) {
                buffer = Sha256.digest(
                        seed, ByteBuffer.allocate(8).putLong(block++).array());
                used = 0;
            }
            out[i] = buffer[used++];
        }
    }

    @Override
    public void setSeed(long ignored) {
        // SecureRandom's constructor calls this; the stream depends only on the seed string.
    }
}
