package io.dsx.policy.builtins.jwt;

import java.security.Key;

/**
 * One key a token may be verified with: a JDK key (public, private or HMAC secret), the JWK's
 * {@code alg} ("" when unknown, e.g. from a certificate) and {@code kid} ("" when absent).
 */
public record VerificationKey(Key key, String alg, String kid) {

    @Override
    public String toString() {
        return "VerificationKey[alg=" + alg + ", kid=" + kid + ", key=***]";
    }
}
