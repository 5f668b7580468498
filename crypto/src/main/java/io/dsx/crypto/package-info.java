/**
 * dsx cryptography: HPKE sealing of contributions, signatures, AES-256-GCM record encryption with
 * rotating DEKs, the key-management SPI and RFC 6962 Merkle trees.
 *
 * <p>This root package owns only {@link io.dsx.crypto.CryptoException}, the one checked failure that
 * every subpackage reports expected failures with. Bouncy Castle types never appear in a public
 * signature of this module, and no message of this module carries key or plaintext bytes.
 */
package io.dsx.crypto;
