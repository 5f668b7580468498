package io.dsx.crypto.keys;

import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.hpke.HpkePublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** Key ids: lowercase hex SHA-256 fingerprints, the form manifests and catalogs carry. */
public final class KeyIds {

    private KeyIds() {}

    /** SHA-256 of the certificate's DER encoding: an institution key's {@code signerKeyId}. */
    public static String of(X509Certificate certificate) {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be DER-encoded", e);
        }
    }

    /** SHA-256 of the raw X25519 key: a gateway HPKE key's {@code recipientKeyId}. */
    public static String of(HpkePublicKey key) {
        return key.keyId();
    }
}
