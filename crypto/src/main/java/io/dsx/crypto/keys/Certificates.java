package io.dsx.crypto.keys;

import io.dsx.crypto.sign.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/** Builds end-entity X.509 v3 certificates signed through a {@link SigningKey} handle. */
final class Certificates {

    private Certificates() {}

    /**
     * A certificate for {@code subjectKey} issued by {@code issuer} (self-signed when the issuer's key
     * is the subject's). Valid from now (to the second) for {@code validity}; not a CA.
     */
    static X509Certificate issue(
            String subjectDn,
            PublicKey subjectKey,
            String issuerDn,
            SigningKey issuer,
            int keyUsage,
            Instant now,
            Duration validity,
            SecureRandom random) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        byte[] serial = new byte[16];
        random.nextBytes(serial);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    name(issuerDn),
                    new BigInteger(1, serial),
                    Date.from(notBefore),
                    Date.from(notBefore.plus(validity)),
                    name(subjectDn),
                    SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            byte[] der = builder.build(new HandleContentSigner(issuer)).getEncoded();
            return parse(der);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate for " + subjectDn, e);
        }
    }

    /** An X.500 name parsed the JDK's way (RFC 4514 string order, most significant RDN last). */
    static X500Name name(String dn) {
        return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
