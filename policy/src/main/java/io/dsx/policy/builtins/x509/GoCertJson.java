package io.dsx.policy.builtins.x509;

import static io.dsx.policy.builtins.x509.GoKeyJson.map;

import java.math.BigDecimal;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * An X.509 certificate as Go's {@code encoding/json} renders {@code x509.Certificate}, plus
 * OPA's {@code URIStrings}. Covered fields: the raw parts, signature and key algorithms, public
 * key, version, serial, issuer and subject, validity, key usage, extensions, basic constraints,
 * key identifiers, authority information access, CRL distribution points and the subject
 * alternative names. Policy and name-constraint fields are left null.
 */
public final class GoCertJson {

    private GoCertJson() {}

    public static Map<String, Object> of(X509Certificate cert) {
        try {
            Certificate bc = Certificate.getInstance(ASN1Primitive.fromByteArray(cert.getEncoded()));
            Extensions ext = bc.getTBSCertificate().getExtensions();
            Map<String, Object> m = map(
                    "Raw", GoAsn1.bytes(cert.getEncoded()),
                    "RawTBSCertificate", GoAsn1.bytes(cert.getTBSCertificate()),
                    "RawSubjectPublicKeyInfo", GoAsn1.bytes(cert.getPublicKey().getEncoded()),
                    "RawSubject", GoAsn1.bytes(cert.getSubjectX500Principal().getEncoded()),
                    "RawIssuer", GoAsn1.bytes(cert.getIssuerX500Principal().getEncoded()),
                    "Signature", GoAsn1.bytes(cert.getSignature()),
                    "SignatureAlgorithm", GoAsn1.signatureAlgorithm(cert.getSigAlgOID()),
                    "PublicKeyAlgorithm",
                            GoAsn1.publicKeyAlgorithm(cert.getPublicKey().getAlgorithm()),
                    "PublicKey", GoKeyJson.publicKey(cert.getPublicKey()),
                    "Version", cert.getVersion(),
                    "SerialNumber", new BigDecimal(cert.getSerialNumber()),
                    "Issuer", GoNameJson.of(cert.getIssuerX500Principal().getEncoded()),
                    "Subject", GoNameJson.of(cert.getSubjectX500Principal().getEncoded()),
                    "NotBefore", GoAsn1.time(cert.getNotBefore().toInstant()),
                    "NotAfter", GoAsn1.time(cert.getNotAfter().toInstant()),
                    "KeyUsage", keyUsage(cert.getKeyUsage()),
                    "Extensions", extensions(ext),
                    "ExtraExtensions", null,
                    "UnhandledCriticalExtensions", null);
            GoCertExtensions.addTo(m, cert, ext);
            return m;
        } catch (CertificateEncodingException | java.io.IOException e) {
            throw new IllegalStateException("re-encoding a parsed certificate failed", e);
        }
    }

    /** Go's {@code x509.KeyUsage} bit set: bit i is the i-th KeyUsage flag, as in the JDK. */
    static int keyUsage(boolean[] bits) {
        int out = 0;
        if (bits != null) {
            for (int i = 0; i < bits.length && i < 31; i++) {
                if (bits[i]) {
                    out |= 1 << i;
                }
            }
        }
        return out;
    }

    static List<Object> extensions(Extensions ext) {
        if (ext == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (var oid : ext.getExtensionOIDs()) {
            Extension e = ext.getExtension(oid);
            out.add(map(
                    "Id",
                    GoAsn1.oidArray(oid.getId()),
                    "Critical",
                    e.isCritical(),
                    "Value",
                    GoAsn1.bytes(e.getExtnValue().getOctets())));
        }
        return out;
    }
}
