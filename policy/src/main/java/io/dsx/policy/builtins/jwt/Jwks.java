package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.encoding.GoBase64;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.builtins.plain.PlainJson;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/** JSON Web Keys (RFC 7517/7518/8037) to JDK keys: RSA, EC (P-256/384/521), OKP Ed25519, oct. */
public final class Jwks {

    /** DER prefixes that wrap a raw 32-byte Ed25519 key as SPKI / PKCS#8 (RFC 8410). */
    private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final byte[] ED25519_PKCS8 = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Jwks() {}

    /** A JWK or a JWK set ({@code {"keys": [...]}}) parsed into JSON objects, in order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parseSet(String json) {
        Map<String, Object> root = PlainJson.parseObject(json);
        if (root.get("keys") instanceof List<?> keys) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object k : keys) {
                out.add(PlainJson.asObject(k).orElseThrow(() -> new BuiltinFailure("keys must be objects")));
            }
            return out;
        }
        return List.of(root);
    }

    /** The key to verify with: public part for RSA/EC/OKP, the secret for oct. */
    public static Key verificationKey(Map<String, Object> jwk) {
        return toKey(jwk, false);
    }

    /** The key to sign with: private part for RSA/EC/OKP, the secret for oct. */
    public static Key signingKey(Map<String, Object> jwk) {
        return toKey(jwk, true);
    }

    private static Key toKey(Map<String, Object> jwk, boolean wantPrivate) {
        String kty = string(jwk, "kty");
        try {
            return switch (kty) {
                case "RSA" -> rsa(jwk, wantPrivate);
                case "EC" -> ec(jwk, wantPrivate);
                case "OKP" -> okp(jwk, wantPrivate);
                case "oct" -> new SecretKeySpec(nonEmpty(bytes(jwk, "k")), "HMAC");
                default -> throw new BuiltinFailure("unsupported JWK key type: " + kty);
            };
        } catch (GeneralSecurityException e) {
            throw new BuiltinFailure("invalid " + kty + " JWK: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] nonEmpty(byte[] b) {
        return b.length == 0 ? new byte[1] : b;
    }

    private static Key rsa(Map<String, Object> jwk, boolean wantPrivate) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("RSA");
        BigInteger n = bigInt(jwk, "n");
        BigInteger e = bigInt(jwk, "e");
        if (!wantPrivate) {
            return kf.generatePublic(new RSAPublicKeySpec(n, e));
        }
        BigInteger d = bigInt(jwk, "d");
        if (jwk.containsKey("p") && jwk.containsKey("dp")) {
            return kf.generatePrivate(new RSAPrivateCrtKeySpec(
                    n,
                    e,
                    d,
                    bigInt(jwk, "p"),
                    bigInt(jwk, "q"),
                    bigInt(jwk, "dp"),
                    bigInt(jwk, "dq"),
                    bigInt(jwk, "qi")));
        }
        return kf.generatePrivate(new RSAPrivateKeySpec(n, d));
    }

    private static Key ec(Map<String, Object> jwk, boolean wantPrivate) throws GeneralSecurityException {
        ECParameterSpec params = curve(string(jwk, "crv"));
        KeyFactory kf = KeyFactory.getInstance("EC");
        if (wantPrivate) {
            return kf.generatePrivate(new ECPrivateKeySpec(bigInt(jwk, "d"), params));
        }
        return kf.generatePublic(new ECPublicKeySpec(new ECPoint(bigInt(jwk, "x"), bigInt(jwk, "y")), params));
    }

    /** JDK parameters for a JOSE curve name. */
    public static ECParameterSpec curve(String crv) throws GeneralSecurityException {
        String std = switch (crv) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new BuiltinFailure("unsupported elliptic curve: " + crv);
        };
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec(std));
        return ap.getParameterSpec(ECParameterSpec.class);
    }

    private static Key okp(Map<String, Object> jwk, boolean wantPrivate) throws GeneralSecurityException {
        if (!"Ed25519".equals(jwk.get("crv"))) {
            throw new BuiltinFailure("unsupported OKP curve: " + jwk.get("crv"));
        }
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        if (wantPrivate) {
            return kf.generatePrivate(new PKCS8EncodedKeySpec(concat(ED25519_PKCS8, bytes(jwk, "d"))));
        }
        return kf.generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI, bytes(jwk, "x"))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String string(Map<String, Object> jwk, String name) {
        if (jwk.get(name) instanceof String s) {
            return s;
        }
        throw new BuiltinFailure("required field " + name + " is missing");
    }

    private static byte[] bytes(Map<String, Object> jwk, String name) {
        return GoBase64.decodeUrlLenient(string(jwk, name));
    }

    private static BigInteger bigInt(Map<String, Object> jwk, String name) {
        return new BigInteger(1, bytes(jwk, name));
    }
}
