package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.builtins.plain.PlainJson;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code io.jwt.encode_sign} and {@code io.jwt.encode_sign_raw}: a compact JWS signed with the
 * first key of a JWK (set). The raw form signs the header and payload texts byte for byte; the
 * other marshals them as Go's {@code json.Marshal} would (sorted keys).
 */
public final class JwtEncoder {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtEncoder() {}

    /** {@code io.jwt.encode_sign(headers, payload, key)} over plain JSON values. */
    public static String encodeSign(Object headers, Object payload, Object jwk, SecureRandom random) {
        return encodeSignRaw(PlainJson.write(headers), PlainJson.write(payload), PlainJson.write(jwk), random);
    }

    /** {@code io.jwt.encode_sign_raw(headers, payload, key)} over JSON texts. */
    public static String encodeSignRaw(String headers, String payload, String jwk, SecureRandom random) {
        Key key = firstSigningKey(jwk);
        String alg = headerString(headers, "alg")
                .orElseThrow(() -> new BuiltinFailure(
                        headers.isEmpty()
                                ? "missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string"
                                : "missing or invalid 'alg' header: jwsbb: header \"alg\" not found"));
        JwsAlgorithm algorithm = JwtTokens.requireAlgorithm(alg);
        Optional<String> typ = headerString(headers, "typ");
        if ((typ.isEmpty() || typ.get().equals("JWT")) && !PlainJson.isValid(payload)) {
            throw new BuiltinFailure("type is JWT but payload is not JSON");
        }
        String input = B64.encodeToString(headers.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        byte[] sig = algorithm.sign(key, input.getBytes(StandardCharsets.UTF_8), random);
        return input + "." + B64.encodeToString(sig);
    }

    private static Key firstSigningKey(String jwk) {
        List<Map<String, Object>> keys = Jwks.parseSet(jwk);
        if (keys.isEmpty()) {
            throw new BuiltinFailure("no keys found in JWK set");
        }
        return Jwks.signingKey(keys.get(0));
    }

    private static Optional<String> headerString(String headers, String name) {
        try {
            return PlainJson.asObject(PlainJson.parse(headers))
                    .map(h -> h.get(name))
                    .filter(String.class::isInstance)
                    .map(String.class::cast);
        } catch (BuiltinFailure e) {
            return java.util.Optional.empty();
        }
    }
}
