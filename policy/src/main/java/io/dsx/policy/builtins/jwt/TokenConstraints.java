package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The constraints object of {@code io.jwt.decode_verify}: exactly one of {@code cert} (PEM or
 * JWK set) and {@code secret}; optional {@code alg}, {@code iss}, {@code aud}; {@code time} in
 * nanoseconds since the epoch, defaulting to the query's clock. Unknown keys are rejected.
 */
record TokenConstraints(List<VerificationKey> keys, String secret, String alg, String iss, String aud, double timeNs) {

    static TokenConstraints parse(Map<String, Object> constraints, BigDecimal nowNs) {
        List<VerificationKey> keys = null;
        String secret = "";
        String alg = "";
        String iss = "";
        String aud = "";
        double time = -1;
        for (Map.Entry<String, Object> e : constraints.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "cert" -> keys = KeySources.fromCertOrJwk(string("cert", v));
                case "secret" -> secret = string("secret", v);
                case "alg" -> alg = string("alg", v);
                case "iss" -> iss = string("iss", v);
                case "aud" -> aud = string("aud", v);
                case "time" -> time = time(v);
                default -> throw new BuiltinFailure("unknown token validation constraint: " + e.getKey());
            }
        }
        if (time == -1) {
            time = time(nowNs);
        }
        int keyConstraints = (keys != null ? 1 : 0) + (secret.isEmpty() ? 0 : 1);
        if (keyConstraints > 1) {
            throw new BuiltinFailure("duplicate key constraints");
        }
        if (keyConstraints < 1) {
            throw new BuiltinFailure("no key constraint");
        }
        return new TokenConstraints(keys, secret, alg, iss, aud, time);
    }

    private static String string(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new BuiltinFailure(name + " constraint: must be a string");
    }

    private static double time(Object v) {
        if (!(v instanceof BigDecimal d)) {
            throw new BuiltinFailure("token time constraint: must be a number");
        }
        double t = d.doubleValue();
        if (Double.isInfinite(t)) {
            throw new BuiltinFailure("token time constraint: unvalid float64");
        }
        if (t < 0) {
            throw new BuiltinFailure("token time constraint: must not be negative");
        }
        return t;
    }

    /** Whether the audience claim (string or array of strings) names the required audience. */
    boolean validAudience(Object claim) {
        if (claim instanceof String s) {
            return s.equals(aud);
        }
        if (claim instanceof List<?> list) {
            return list.stream().anyMatch(aud::equals);
        }
        return false;
    }

    @Override
    public String toString() {
        return "TokenConstraints[alg=" + alg + ", iss=" + iss + ", aud=" + aud + ", keys=***, secret=***]";
    }
}
