package io.dsx.policy.builtins.x509;

import io.dsx.crypto.keys.Pem;
import io.dsx.policy.builtins.encoding.GoBase64;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads certificates the way OPA's {@code getX509CertsFromString} does: PEM text, or standard
 * base64 of either PEM text or concatenated DER certificates.
 */
final class CertificateInputs {

    private CertificateInputs() {}

    static List<X509Certificate> certificates(String input) {
        if (input.startsWith("-----BEGIN")) {
            return fromPem(input);
        }
        byte[] raw = GoBase64.decodeStd(input);
        String asText = new String(raw, StandardCharsets.ISO_8859_1);
        if (asText.startsWith("-----BEGIN")) {
            return fromPem(asText);
        }
        return parseDer(raw);
    }

    private static List<X509Certificate> fromPem(String text) {
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        for (Pem.Block block : Pem.decodeAll(text)) {
            if (!block.label().equals("CERTIFICATE")) {
                throw new BuiltinFailure("PEM block type is '" + block.label() + "', expected CERTIFICATE");
            }
            der.writeBytes(block.der());
        }
        return parseDer(der.toByteArray());
    }

    /** Go's {@code x509.ParseCertificates}: concatenated DER certificates. */
    static List<X509Certificate> parseDer(byte[] der) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(der))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty() && der.length > 0) {
                throw new BuiltinFailure("x509: malformed certificate");
            }
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof BuiltinFailure b) {
                throw b;
            }
            throw new BuiltinFailure("x509: malformed certificate");
        }
    }

    /** Text that is PEM, or the standard-base64 encoding of it, as OPA accepts key material. */
    static String pemText(String input) {
        if (input.startsWith("-----BEGIN")) {
            return input;
        }
        return new String(GoBase64.decodeStd(input), StandardCharsets.ISO_8859_1);
    }
}
