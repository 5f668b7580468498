package io.dsx.policy.builtins.x509;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys in the JSON shape Go marshals {@code crypto/rsa}, {@code crypto/ecdsa} and
 * {@code crypto/ed25519} keys to, and RSA private keys as a JWK (RFC 7517). Returning private
 * parts is what these builtins are for; they are never logged.
 */
final class GoKeyJson {

    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

    private GoKeyJson() {}

    static Object publicKey(Key key) {
        if (key instanceof RSAPublicKey k) {
            return map("N", num(k.getModulus()), "E", num(k.getPublicExponent()));
        }
        if (key instanceof ECPublicKey k) {
            return map(
                    "Curve",
                    Map.of(),
                    "X",
                    num(k.getW().getAffineX()),
                    "Y",
                    num(k.getW().getAffineY()));
        }
        byte[] enc = key.getEncoded();
        return enc != null && enc.length == 44
                ? Base64.getEncoder().encodeToString(Arrays.copyOfRange(enc, 12, 44))
                : null;
    }

    static Object privateKey(Key key, Key publicKey) {
        if (key instanceof RSAPrivateCrtKey k) {
            Map<String, Object> pre = map(
                    "Dp",
                    num(k.getPrimeExponentP()),
                    "Dq",
                    num(k.getPrimeExponentQ()),
                    "Qinv",
                    num(k.getCrtCoefficient()),
                    "CRTValues",
                    List.of());
            return map(
                    "N",
                    num(k.getModulus()),
                    "E",
                    num(k.getPublicExponent()),
                    "D",
                    num(k.getPrivateExponent()),
                    "Primes",
                    List.of(num(k.getPrimeP()), num(k.getPrimeQ())),
                    "Precomputed",
                    pre);
        }
        if (key instanceof ECPrivateKey k) {
            Map<String, Object> out = publicKey instanceof ECPublicKey p
                    ? new LinkedHashMap<>(map(
                            "Curve",
                            Map.of(),
                            "X",
                            num(p.getW().getAffineX()),
                            "Y",
                            num(p.getW().getAffineY())))
                    : new LinkedHashMap<>(map("Curve", Map.of()));
            out.put("D", num(k.getS()));
            return out;
        }
        return null;
    }

    /** {@code crypto.x509.parse_rsa_private_key}: the key as a JWK. */
    static Map<String, Object> rsaJwk(RSAPrivateCrtKey k) {
        return map(
                "kty",
                "RSA",
                "n",
                b64u(k.getModulus()),
                "e",
                b64u(k.getPublicExponent()),
                "d",
                b64u(k.getPrivateExponent()),
                "p",
                b64u(k.getPrimeP()),
                "q",
                b64u(k.getPrimeQ()),
                "dp",
                b64u(k.getPrimeExponentP()),
                "dq",
                b64u(k.getPrimeExponentQ()),
                "qi",
                b64u(k.getCrtCoefficient()));
    }

    private static String b64u(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        return B64U.encodeToString(b);
    }

    private static BigDecimal num(BigInteger v) {
        return new BigDecimal(v);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
