package io.dsx.crypto.keys;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.sign.SigningKey;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM (RFC 7468) text for certificates, PKCS#8 private keys, SubjectPublicKeyInfo public keys and
 * PKCS#10 requests. Readers take the first block of the expected label and ignore text around it.
 */
public final class Pem {

    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String CSR = "CERTIFICATE REQUEST";

    /** Key families tried, in order, when reading a bare public key. */
    private static final String[] KEY_FAMILIES = {"Ed25519", "EC", "RSA", "X25519"};

    private Pem() {}

    public static String writeCertificate(X509Certificate certificate) {
        try {
            return write(CERTIFICATE, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be DER-encoded", e);
        }
    }

    public static X509Certificate readCertificate(String pem) throws CryptoException {
        List<X509Certificate> all = readCertificates(pem);
        if (all.isEmpty()) {
            throw malformed("no " + CERTIFICATE + " block");
        }
        return all.get(0);
    }

    /** Every CERTIFICATE block, in order (a chain file). */
    public static List<X509Certificate> readCertificates(String pem) throws CryptoException {
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : blocks(pem, CERTIFICATE)) {
            try {
                out.add(Certificates.parse(der));
            } catch (GeneralSecurityException e) {
                throw new CryptoException(CryptoException.Reason.MALFORMED, "unparseable certificate", e);
            }
        }
        return out;
    }

    /** PKCS#8 "PRIVATE KEY", unencrypted: the file holding it must be protected by its owner. */
    public static String writePrivateKey(SigningKey key) {
        return write(PRIVATE_KEY, key.exportPkcs8());
    }

    public static SigningKey readPrivateKey(String pem) throws CryptoException {
        return SigningKey.fromPkcs8(first(pem, PRIVATE_KEY));
    }

    public static String writePublicKey(PublicKey key) {
        return write(PUBLIC_KEY, key.getEncoded());
    }

    public static PublicKey readPublicKey(String pem) throws CryptoException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(first(pem, PUBLIC_KEY));
        for (String family : KEY_FAMILIES) {
            try {
                return KeyFactory.getInstance(family).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // not this family; try the next
            }
        }
        throw new CryptoException(
                CryptoException.Reason.UNSUPPORTED_ALGORITHM, "public key is none of Ed25519, EC, RSA, X25519");
    }

    public static String writeCsr(byte[] der) {
        return write(CSR, der);
    }

    public static byte[] readCsr(String pem) throws CryptoException {
        return first(pem, CSR);
    }

    static String write(String label, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(label, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static byte[] first(String pem, String label) throws CryptoException {
        List<byte[]> all = blocks(pem, label);
        if (all.isEmpty()) {
            throw malformed("no " + label + " block");
        }
        return all.get(0);
    }

    private static List<byte[]> blocks(String pem, String label) throws CryptoException {
        List<byte[]> out = new ArrayList<>();
        try (PemReader r = new PemReader(new StringReader(pem))) {
            for (PemObject o = r.readPemObject(); o != null; o = r.readPemObject()) {
                if (o.getType().equals(label)) {
                    out.add(o.getContent());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "unreadable PEM", e);
        }
        return out;
    }

    private static CryptoException malformed(String what) {
        return new CryptoException(CryptoException.Reason.MALFORMED, what);
    }
}
