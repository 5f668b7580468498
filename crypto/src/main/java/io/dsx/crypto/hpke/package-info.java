/**
 * HPKE (RFC 9180) in base mode with the one suite dsx uses: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM ({@link io.dsx.crypto.hpke.HpkeSuite}). Owns the X25519 recipient key handle
 * ({@link io.dsx.crypto.hpke.HpkeKeyPair}), its public half with its key id, and single-shot
 * {@link io.dsx.crypto.hpke.Hpke#seal seal} / {@link io.dsx.crypto.hpke.Hpke#open open}.
 *
 * <p>The Bouncy Castle HPKE engine does the work; its types stay inside this package.
 */
package io.dsx.crypto.hpke;
