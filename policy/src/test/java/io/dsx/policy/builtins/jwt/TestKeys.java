package io.dsx.policy.builtins.jwt;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Fresh key pairs and their JWK / PEM texts for round-trip tests. */
final class TestKeys {

    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

    private TestKeys() {}

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static KeyPair ec(String stdName) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(stdName));
        return g.generateKeyPair();
    }

    static String publicPem(KeyPair kp) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(kp.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String rsaPrivateJwk(KeyPair kp) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) kp.getPrivate();
        return "{\"kty\":\"RSA\",\"n\":\"" + u(k.getModulus()) + "\",\"e\":\"" + u(k.getPublicExponent())
                + "\",\"d\":\"" + u(k.getPrivateExponent()) + "\",\"p\":\"" + u(k.getPrimeP()) + "\",\"q\":\""
                + u(k.getPrimeQ()) + "\",\"dp\":\"" + u(k.getPrimeExponentP()) + "\",\"dq\":\""
                + u(k.getPrimeExponentQ()) + "\",\"qi\":\"" + u(k.getCrtCoefficient()) + "\"}";
    }

    static String ecJwk(KeyPair kp, String crv, boolean withPrivate) {
        ECPublicKey pub = (ECPublicKey) kp.getPublic();
        String d = withPrivate ? ",\"d\":\"" + u(((ECPrivateKey) kp.getPrivate()).getS()) + "\"" : "";
        return "{\"kty\":\"EC\",\"crv\":\"" + crv + "\",\"x\":\"" + u(pub.getW().getAffineX()) + "\",\"y\":\""
                + u(pub.getW().getAffineY()) + "\"" + d + "}";
    }

    private static String u(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return B64U.encodeToString(b);
    }
}
