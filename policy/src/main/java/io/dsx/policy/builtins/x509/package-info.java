/**
 * {@code crypto.x509.*} and {@code crypto.parse_private_keys}: certificates, chains, CSRs and
 * private keys read from PEM, base64 PEM or base64 DER, returned in the JSON shape Go's
 * {@code encoding/json} gives {@code x509.Certificate}, {@code x509.CertificateRequest} and the
 * key types (a documented subset of fields; see {@link io.dsx.policy.builtins.x509.GoCertJson}).
 * Chain verification uses the query's clock, never the system clock.
 */
package io.dsx.policy.builtins.x509;
