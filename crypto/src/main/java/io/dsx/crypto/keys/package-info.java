/**
 * Key material life cycle: generating an institution's key pair with a self-signed X.509 certificate
 * or a PKCS#10 request, PEM reading and writing, key ids (SHA-256 of the DER certificate), the PKCS#12
 * file plumbing, and {@link io.dsx.crypto.keys.GatewayKeyStore}, which creates on first run and reloads
 * after it the gateway's HPKE recipient keys and its Ed25519 receipt-signing key.
 *
 * <p>Certificates are signed through the {@link io.dsx.crypto.sign.SigningKey} handle, so private key
 * bytes never leave their handle to build one.
 */
package io.dsx.crypto.keys;
