package io.dsx.crypto.keys;

import io.dsx.crypto.sign.SigningKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** An institution's signing key with the certificate that carries its public key. */
public record InstitutionCredentials(SigningKey signingKey, X509Certificate certificate) {

    public InstitutionCredentials {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The key id the gateway registers: SHA-256 of the certificate's DER. */
    public String keyId() {
        return KeyIds.of(certificate);
    }

    @Override
    public String toString() {
        return "InstitutionCredentials[keyId=" + keyId() + ", signingKey=***]";
    }
}
