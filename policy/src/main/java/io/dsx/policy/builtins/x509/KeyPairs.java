package io.dsx.policy.builtins.x509;

import static io.dsx.policy.builtins.x509.GoKeyJson.map;

import io.dsx.crypto.keys.Pem;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@code crypto.x509.parse_keypair}: a certificate chain and its private key as Go's JSON of
 * {@code tls.Certificate}, refused when the key does not belong to the first certificate.
 */
final class KeyPairs {

    private KeyPairs() {}

    static Map<String, Object> parse(String certInput, String keyInput) {
        String certText = CertificateInputs.pemText(certInput);
        String keyText = CertificateInputs.pemText(keyInput);
        List<X509Certificate> certs = new ArrayList<>();
        List<Object> ders = new ArrayList<>();
        for (Pem.Block block : pemOrDer(certText, "CERTIFICATE")) {
            if (block.label().equals("CERTIFICATE")) {
                certs.addAll(CertificateInputs.parseDer(block.der()));
                ders.add(GoAsn1.bytes(block.der()));
            }
        }
        if (certs.isEmpty()) {
            throw new BuiltinFailure("tls: failed to find any PEM data in certificate input");
        }
        PrivateKey key = null;
        for (Pem.Block block : pemOrDer(keyText, "PRIVATE KEY")) {
            if (block.label().equals("PRIVATE KEY") || block.label().endsWith(" PRIVATE KEY")) {
                key = switch (block.label()) {
                    case "RSA PRIVATE KEY" -> PrivateKeys.pkcs1(block.der());
                    case "EC PRIVATE KEY" -> PrivateKeys.sec1(block.der());
                    default -> PrivateKeys.pkcs8(block.der());
                };
                break;
            }
        }
        if (key == null) {
            throw new BuiltinFailure("tls: failed to find any PEM data in key input");
        }
        PublicKey pub = certs.get(0).getPublicKey();
        if (!matches(key, pub)) {
            throw new BuiltinFailure("tls: private key does not match public key");
        }
        return map(
                "Certificate",
                ders,
                "PrivateKey",
                GoKeyJson.privateKey(key, pub),
                "SupportedSignatureAlgorithms",
                null,
                "OCSPStaple",
                null,
                "SignedCertificateTimestamps",
                null,
                "Leaf",
                GoCertJson.of(certs.get(0)));
    }

    /** PEM blocks, or one block of {@code type} when the text is raw DER (OPA wraps it so). */
    private static List<Pem.Block> pemOrDer(String text, String type) {
        if (text.startsWith("-----BEGIN")) {
            return Pem.decodeAll(text);
        }
        return List.of(new Pem.Block(type, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), ""));
    }

    private static boolean matches(PrivateKey key, PublicKey pub) {
        if (key instanceof RSAPrivateCrtKey k && pub instanceof RSAPublicKey p) {
            return k.getModulus().equals(p.getModulus())
                    && k.getPublicExponent().equals(p.getPublicExponent());
        }
        if (key instanceof ECPrivateKey k && pub instanceof ECPublicKey p) {
            ECPoint q =
                    EC5Util.convertSpec(k.getParams()).getG().multiply(k.getS()).normalize();
            BigInteger x = q.getAffineXCoord().toBigInteger();
            BigInteger y = q.getAffineYCoord().toBigInteger();
            return x.equals(p.getW().getAffineX()) && y.equals(p.getW().getAffineY());
        }
        if ("Ed25519".equals(pub.getAlgorithm()) || "EdDSA".equals(pub.getAlgorithm())) {
            byte[] enc = key.getEncoded();
            byte[] seed = java.util.Arrays.copyOfRange(enc, enc.length - 32, enc.length);
            byte[] derived = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0)
                    .generatePublicKey()
                    .getEncoded();
            byte[] actual = pub.getEncoded();
            return java.util.Arrays.equals(
                    derived, java.util.Arrays.copyOfRange(actual, actual.length - 32, actual.length));
        }
        return false;
    }
}
