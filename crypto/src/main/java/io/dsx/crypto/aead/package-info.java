/**
 * AES-256-GCM (NIST SP 800-38D) with a 12-byte random nonce and a 16-byte tag, behind the
 * {@link io.dsx.crypto.aead.AesGcmKey} handle. The sealed form is {@code nonce[12] || ciphertext || tag}.
 *
 * <p>Random nonces are safe for up to 2^32 messages per key; {@link io.dsx.crypto.dek} rotates data
 * keys far below that.
 */
package io.dsx.crypto.aead;
