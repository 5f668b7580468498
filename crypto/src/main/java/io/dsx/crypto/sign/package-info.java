/**
 * Signatures: the closed set of algorithms dsx accepts ({@link io.dsx.crypto.sign.SignatureAlgorithm}:
 * Ed25519, ECDSA P-256/SHA-256, RSA-PSS/SHA-256), the private-key handle that signs
 * ({@link io.dsx.crypto.sign.SigningKey}) and verification against an X.509 certificate's key
 * ({@link io.dsx.crypto.sign.Signatures}).
 *
 * <p>The JDK providers do the arithmetic; Bouncy Castle is used only to derive a public key from a
 * PKCS#8 private key, and its types stay inside this package.
 */
package io.dsx.crypto.sign;
