package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/** {@code io.jwt.decode} and the single-algorithm {@code io.jwt.verify_*} builtins. */
public final class JwtTokens {

    private JwtTokens() {}

    /**
     * {@code io.jwt.decode(jwt)}: {@code [header, payload, signature hex]} without verifying.
     * A header {@code cty: JWT} means the payload is itself a (quoted) token: decode that instead.
     */
    public static List<Object> decode(String jwt) {
        CompactJws token = CompactJws.split(jwt);
        Map<String, Object> header = token.decodedHeader();
        byte[] payload = token.decodedPayload();
        if ("JWT".equals(header.get("cty"))) {
            return decode(trimQuotes(new String(payload, StandardCharsets.UTF_8)));
        }
        Map<String, Object> claims = CompactJws.jsonObject(payload);
        String sig = HexFormat.of().formatHex(token.decodedSignature());
        return List.of(header, claims, sig);
    }

    private static String trimQuotes(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == '"' || s.charAt(b) == '\'')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == '"' || s.charAt(e - 1) == '\'')) {
            e--;
        }
        return s.substring(b, e);
    }

    /** {@code io.jwt.verify_hs256/384/512(jwt, secret)}. */
    public static boolean verifyHmac(JwsAlgorithm alg, String jwt, String secret) {
        CompactJws token = CompactJws.split(jwt);
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        // HMAC pads keys with zeros to the block size, so an empty key equals one zero byte
        // (SecretKeySpec refuses empty keys).
        SecretKeySpec spec = new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HMAC");
        return alg.verify(spec, token.signingInput(), token.decodedSignature());
    }

    /**
     * {@code io.jwt.verify_rs*, ps*, es*, eddsa(jwt, certificate)}: true when one of the keys the
     * certificate argument names verifies the signature. A key whose {@code kid} matches the
     * header's is the only one tried; JWKs whose {@code alg} differs from the header's are skipped.
     */
    public static boolean verifyAsymmetric(JwsAlgorithm alg, String jwt, String certificate) {
        CompactJws token = CompactJws.split(jwt);
        List<VerificationKey> keys = KeySources.fromCertOrJwk(certificate);
        byte[] sig = token.decodedSignature();
        JoseHeader header = JoseHeader.parse(token.decodedHeader());
        return verifyWithKeys(keys, alg, header, token.signingInput(), sig);
    }

    static boolean verifyWithKeys(
            List<VerificationKey> keys, JwsAlgorithm alg, JoseHeader header, byte[] input, byte[] sig) {
        if (!header.kid().isEmpty()) {
            for (VerificationKey k : keys) {
                if (k.kid().equals(header.kid())) {
                    return alg.verify(k.key(), input, sig);
                }
            }
        }
        for (VerificationKey k : keys) {
            if (!k.alg().isEmpty() && !k.alg().equals(header.alg())) {
                continue;
            }
            if (alg.verify(k.key(), input, sig)) {
                return true;
            }
        }
        return false;
    }

    static JwsAlgorithm requireAlgorithm(String name) {
        return JwsAlgorithm.named(name).orElseThrow(() -> new BuiltinFailure("unknown JWS algorithm: " + name));
    }
}
