package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code io.jwt.decode_verify(jwt, constraints)}: {@code [valid, header, payload]}. A bad
 * signature or unmet constraint gives {@code [false, {}, {}]}; a malformed token, key or
 * constraint is a {@link BuiltinFailure}. Steps follow RFC 7519 section 7.2, nested tokens
 * ({@code cty: JWT}) are verified layer by layer, then iss, aud, exp and nbf are checked
 * against the constraints and the injected clock.
 */
public final class JwtDecodeVerify {

    private static final List<Object> UNVERIFIED = List.of(false, Map.of(), Map.of());
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private JwtDecodeVerify() {}

    public static List<Object> decodeVerify(String jwt, Map<String, Object> constraintArg, BigDecimal nowNs) {
        TokenConstraints c = TokenConstraints.parse(constraintArg, nowNs);
        String current = jwt;
        while (true) {
            CompactJws token = CompactJws.split(current);
            Map<String, Object> rawHeader = token.decodedHeader();
            JoseHeader header = JoseHeader.parse(rawHeader);
            if (!header.valid() || (!c.alg().isEmpty() && !c.alg().equals(header.alg()))) {
                return UNVERIFIED;
            }
            byte[] sig = token.decodedSignature();
            if (!signatureVerifies(c, header, token.signingInput(), sig)) {
                return UNVERIFIED;
            }
            byte[] payload = token.decodedPayload();
            if (header.cty().equalsIgnoreCase("JWT")) {
                current = new String(payload, StandardCharsets.UTF_8);
                continue;
            }
            Map<String, Object> claims = CompactJws.jsonObject(payload);
            return claimsHold(c, claims) ? List.of(true, rawHeader, claims) : UNVERIFIED;
        }
    }

    private static boolean signatureVerifies(TokenConstraints c, JoseHeader header, byte[] input, byte[] sig) {
        JwsAlgorithm alg = JwsAlgorithm.named(header.alg()).orElse(null);
        if (alg == null) {
            return false;
        }
        if (c.keys() != null) {
            return JwtTokens.verifyWithKeys(c.keys(), alg, header, input, sig);
        }
        byte[] secret = c.secret().getBytes(StandardCharsets.UTF_8);
        return alg.verify(new SecretKeySpec(secret, "HMAC"), input, sig);
    }

    private static boolean claimsHold(TokenConstraints c, Map<String, Object> claims) {
        if (!c.iss().isEmpty() && !c.iss().equals(claims.get("iss"))) {
            return false;
        }
        if (claims.containsKey("aud")
                ? !c.validAudience(claims.get("aud"))
                : !c.aud().isEmpty()) {
            return false;
        }
        BigDecimal now = BigDecimal.valueOf(c.timeNs() / NANOS.doubleValue());
        if (claims.containsKey("exp")) {
            BigDecimal exp = number(claims.get("exp"), "exp");
            if (now.compareTo(exp) >= 0) {
                return false;
            }
        }
        if (claims.containsKey("nbf")) {
            BigDecimal nbf = number(claims.get("nbf"), "nbf");
            if (now.compareTo(nbf) < 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(Object v, String name) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw new BuiltinFailure(name + " value must be a number");
    }
}
