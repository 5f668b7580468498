package io.dsx.policy.builtins.jwt;

import io.dsx.crypto.keys.Pem;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verification keys a {@code cert} argument names (OPA's {@code getKeysFromCertOrJWK}): a PEM
 * certificate, a PEM public key, or a JWK / JWK set. A PEM block is never valid JSON, so both
 * are tried in turn.
 */
public final class KeySources {

    private KeySources() {}

    public static List<VerificationKey> fromCertOrJwk(String text) {
        Optional<Pem.Block> block = Pem.decode(text);
        if (block.isPresent()) {
            return List.of(new VerificationKey(fromPem(block.get()), "", ""));
        }
        List<Map<String, Object>> jwks;
        try {
            jwks = Jwks.parseSet(text);
        } catch (BuiltinFailure e) {
            throw new BuiltinFailure("failed to parse a JWK key (set): " + e.getMessage());
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (Map<String, Object> jwk : jwks) {
            String alg = jwk.get("alg") instanceof String s ? s : "";
            if (!alg.isEmpty() && JwsAlgorithm.named(alg).isEmpty()) {
                continue;
            }
            String kid = jwk.get("kid") instanceof String s ? s : "";
            try {
                keys.add(new VerificationKey(Jwks.verificationKey(jwk), alg, kid));
            } catch (BuiltinFailure e) {
                throw new BuiltinFailure("failed to parse a JWK key (set): " + e.getMessage());
            }
        }
        return keys;
    }

    private static PublicKey fromPem(Pem.Block block) {
        if (!block.rest().isEmpty()) {
            throw new BuiltinFailure("extra data after a PEM certificate block");
        }
        if (block.label().equals("CERTIFICATE")) {
            try {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                X509Certificate cert = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(block.der()));
                return cert.getPublicKey();
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new BuiltinFailure("failed to parse a PEM certificate: x509: malformed certificate");
            }
        }
        if (block.label().equals("PUBLIC KEY")) {
            return parsePkix(block.der())
                    .orElseThrow(
                            () -> new BuiltinFailure("failed to parse a PEM public key: x509: malformed public key"));
        }
        throw new BuiltinFailure("failed to extract a Key from the PEM certificate");
    }

    /** A DER SubjectPublicKeyInfo as RSA, EC or Ed25519, whichever the JDK accepts. */
    public static Optional<PublicKey> parsePkix(byte[] der) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return Optional.of(KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        return Optional.empty();
    }
}
