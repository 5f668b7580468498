package io.dsx.policy.builtins.x509;

import static io.dsx.policy.builtins.x509.GoKeyJson.map;

import io.dsx.crypto.keys.Pem;
import io.dsx.policy.builtins.encoding.GoBase64;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** {@code crypto.x509.parse_certificate_request}: a PKCS#10 CSR as Go's JSON of {@code x509.CertificateRequest}. */
final class CertificateRequests {

    private CertificateRequests() {}

    static Map<String, Object> parse(String input) {
        byte[] bytes = input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")
                ? input.getBytes(StandardCharsets.ISO_8859_1)
                : GoBase64.decodeStd(input);
        Optional<Pem.Block> block = Pem.decode(new String(bytes, StandardCharsets.ISO_8859_1));
        if (block.isPresent() && !block.get().label().equals("CERTIFICATE REQUEST")) {
            throw new BuiltinFailure("invalid PEM-encoded certificate signing request");
        }
        byte[] der = block.map(Pem.Block::der).orElse(bytes);
        CertificationRequest csr;
        try {
            csr = CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der));
            if (csr == null) {
                throw new IOException("empty");
            }
            var info = csr.getCertificationRequestInfo();
            SubjectPublicKeyInfo spki = info.getSubjectPublicKeyInfo();
            PublicKey key = io.dsx.policy.builtins.jwt.KeySources.parsePkix(spki.getEncoded())
                    .orElse(null);
            return map(
                    "Raw",
                    GoAsn1.bytes(csr.getEncoded()),
                    "RawTBSCertificateRequest",
                    GoAsn1.bytes(info.getEncoded()),
                    "RawSubjectPublicKeyInfo",
                    GoAsn1.bytes(spki.getEncoded()),
                    "RawSubject",
                    GoAsn1.bytes(info.getSubject().getEncoded()),
                    "Version",
                    info.getVersion().intValueExact(),
                    "Signature",
                    GoAsn1.bytes(csr.getSignature().getOctets()),
                    "SignatureAlgorithm",
                    GoAsn1.signatureAlgorithm(
                            csr.getSignatureAlgorithm().getAlgorithm().getId()),
                    "PublicKeyAlgorithm",
                    key == null ? 0 : GoAsn1.publicKeyAlgorithm(key.getAlgorithm()),
                    "PublicKey",
                    key == null ? null : GoKeyJson.publicKey(key),
                    "Subject",
                    GoNameJson.of(info.getSubject().getEncoded()),
                    "Attributes",
                    null,
                    "Extensions",
                    null,
                    "ExtraExtensions",
                    null,
                    "DNSNames",
                    null,
                    "EmailAddresses",
                    null,
                    "IPAddresses",
                    null,
                    "URIs",
                    null);
        } catch (IOException | RuntimeException e) {
            throw new BuiltinFailure(
                    "asn1: structure error: " + (e.getMessage() == null ? "malformed" : "malformed DER"));
        }
    }
}
