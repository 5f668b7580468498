package io.dsx.crypto.hpke;

import org.bouncycastle.crypto.hpke.HPKE;

/** The Bouncy Castle HPKE engine configured for {@link HpkeSuite}; kept package-private. */
final class Engine {

    private Engine() {
    }

    static HPKE create() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
