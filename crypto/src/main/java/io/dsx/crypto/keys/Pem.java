package io.dsx.crypto.keys;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.sign.SigningKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM (RFC 7468) text for certificates, PKCS#8 private keys, SubjectPublicKeyInfo public keys and
 * PKCS#10 requests. Readers take the first block of the expected label and ignore text around it.
 *
 * <p>The one PEM reader of dsx: {@link #decode} finds blocks as Go's {@code encoding/pem.Decode} does
 * (the policy engine's crypto.x509.* and io.jwt.* builtins need exactly those semantics, and the
 * typed readers here use the same blocks): a block starts with a {@code -----BEGIN <label>-----} line
 * at the start of a line, ends with the matching END line, may carry RFC 1421 headers (skipped),
 * and its body is padded standard base64 with whitespace ignored. A malformed block is skipped.
 */
public final class Pem {

    /**
     * One decoded block: its label, its bytes and the text after its END line (Go's {@code rest}).
     */
    public record Block(String label, byte[] der, String rest) {
        @Override
        public String toString() {
            return "Pem.Block[label=" + label + ", der=***]";
        }
    }

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

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

    private static List<byte[]> blocks(String pem, String label) {
        List<byte[]> out = new ArrayList<>();
        for (Block b : decodeAll(pem)) {
            if (b.label().equals(label)) {
                out.add(b.der());
            }
        }
        return out;
    }

    /** The first well-formed block in {@code text}, or empty when there is none (Go returns a nil block). */
    public static Optional<Block> decode(String text) {
        int from = 0;
        while (true) {
            int b = text.indexOf(BEGIN, from);
            if (b < 0) {
                return Optional.empty();
            }
            from = b + BEGIN.length();
            if (b > 0 && text.charAt(b - 1) != '\n') {
                continue;
            }
            Optional<Block> block = blockAt(text, b);
            if (block.isPresent()) {
                return block;
            }
        }
    }

    /** Every well-formed block in order, as Go's loop over {@code pem.Decode} collects them. */
    public static List<Block> decodeAll(String text) {
        List<Block> out = new ArrayList<>();
        String rest = text;
        Optional<Block> block;
        while ((block = decode(rest)).isPresent()) {
            out.add(block.get());
            rest = block.get().rest();
        }
        return out;
    }

    private static Optional<Block> blockAt(String text, int b) {
        int labelStart = b + BEGIN.length();
        int lineEnd = text.indexOf('\n', labelStart);
        if (lineEnd < 0) {
            return Optional.empty();
        }
        String firstLine = text.substring(labelStart, lineEnd).stripTrailing();
        if (!firstLine.endsWith(DASHES)) {
            return Optional.empty();
        }
        String label = firstLine.substring(0, firstLine.length() - DASHES.length());
        String endMarker = "\n-----END " + label + DASHES;
        String body;
        int afterEnd;
        if (text.startsWith(endMarker.substring(1), lineEnd + 1)) {
            body = "";
            afterEnd = lineEnd + endMarker.length();
        } else {
            int end = text.indexOf(endMarker, lineEnd);
            if (end < 0) {
                return Optional.empty();
            }
            body = text.substring(lineEnd + 1, end);
            afterEnd = end + endMarker.length();
        }
        if (body.indexOf(':') >= 0) {
            int blank = body.indexOf("\n\n");
            body = blank < 0 ? body : body.substring(blank + 2);
        }
        byte[] der = base64(body);
        if (der == null) {
            return Optional.empty();
        }
        return Optional.of(new Block(label, der, text.substring(restStart(text, afterEnd))));
    }

    /** Padded standard base64 with spaces, tabs and line ends ignored; null when it is not. */
    private static byte[] base64(String body) {
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                b.append(c);
            }
        }
        if (b.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Go's getLine consumes trailing spaces and tabs and one line ending after the END line. */
    private static int restStart(String text, int afterEnd) {
        int i = afterEnd;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private static CryptoException malformed(String what) {
        return new CryptoException(CryptoException.Reason.MALFORMED, what);
    }
}
