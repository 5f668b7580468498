package io.dsx.policy.builtins.jwt;

import io.dsx.policy.builtins.crypto.Digests;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import javax.crypto.SecretKey;

/** The JWS algorithms OPA knows (RFC 7518 section 3, RFC 8037 for EdDSA). */
public enum JwsAlgorithm {
    HS256(Family.HMAC, "SHA-256"),
    HS384(Family.HMAC, "SHA-384"),
    HS512(Family.HMAC, "SHA-512"),
    RS256(Family.RSA, "SHA-256"),
    RS384(Family.RSA, "SHA-384"),
    RS512(Family.RSA, "SHA-512"),
    PS256(Family.PSS, "SHA-256"),
    PS384(Family.PSS, "SHA-384"),
    PS512(Family.PSS, "SHA-512"),
    ES256(Family.ECDSA, "SHA-256"),
    ES384(Family.ECDSA, "SHA-384"),
    ES512(Family.ECDSA, "SHA-512"),
    EdDSA(Family.EDDSA, "");

    private enum Family {
        HMAC,
        RSA,
        PSS,
        ECDSA,
        EDDSA
    }

    private final Family family;
    private final String digest;

    JwsAlgorithm(Family family, String digest) {
        this.family = family;
        this.digest = digest;
    }

    /** The algorithm with this JOSE name, if OPA supports it. */
    public static Optional<JwsAlgorithm> named(String name) {
        for (JwsAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private String jdkSuffix() {
        return digest.replace("-", "");
    }

    /** Whether {@code signature} is valid for {@code input}; a key of the wrong kind gives false. */
    public boolean verify(Key key, byte[] input, byte[] signature) {
        try {
            return switch (family) {
                case HMAC ->
                    key instanceof SecretKey s && MessageDigest.isEqual(signature, hmac(s.getEncoded(), input));
                case RSA -> key instanceof RSAPublicKey k && jdkVerify("withRSA", k, input, signature);
                case PSS -> key instanceof RSAPublicKey k && RsaPss.verify(k, digest, input, signature);
                case ECDSA ->
                    key instanceof PublicKey k
                            && k instanceof ECKey
                            && jdkVerify("withECDSA", k, input, EcdsaSignatures.rawToDer(signature));
                case EDDSA -> key instanceof PublicKey k && isEd25519(k) && edVerify(k, input, signature);
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isEd25519(PublicKey k) {
        return "EdDSA".equals(k.getAlgorithm()) || "Ed25519".equals(k.getAlgorithm());
    }

    private boolean jdkVerify(String suffix, PublicKey k, byte[] input, byte[] sig) throws GeneralSecurityException {
        Signature s = Signature.getInstance(jdkSuffix() + suffix);
        s.initVerify(k);
        s.update(input);
        return s.verify(sig);
    }

    private static boolean edVerify(PublicKey k, byte[] input, byte[] sig) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(k);
        s.update(input);
        return s.verify(sig);
    }

    private byte[] hmac(byte[] key, byte[] input) {
        Digests.HashFunction f = switch (this) {
            case HS256 -> Digests.HashFunction.SHA256;
            case HS384 -> Digests.HashFunction.SHA384;
            default -> Digests.HashFunction.SHA512;
        };
        return Digests.hmac(f, key, input);
    }

    /**
     * Signs {@code input}. The PSS salt comes from {@code random}; ECDSA is deterministic
     * (RFC 6979), so a weak or replayed random source can never leak the private key.
     */
    public byte[] sign(Key key, byte[] input, SecureRandom random) {
        try {
            switch (family) {
                case HMAC -> {
                    return hmac(requireType(key, SecretKey.class).getEncoded(), input);
                }
                case RSA -> {
                    return jdkSign(jdkSuffix() + "withRSA", requireType(key, PrivateKey.class), input, random, null);
                }
                case PSS -> {
                    int hLen = MessageDigest.getInstance(digest).getDigestLength();
                    PSSParameterSpec spec =
                            new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), hLen, 1);
                    return jdkSign("RSASSA-PSS", requireType(key, PrivateKey.class), input, random, spec);
                }
                case ECDSA -> {
                    return DeterministicEcdsa.sign(requireType(key, ECPrivateKey.class), digest, input);
                }
                default -> {
                    return jdkSign("Ed25519", requireType(key, PrivateKey.class), input, random, null);
                }
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new BuiltinFailure(
                    "failed to sign with " + name() + ": " + e.getClass().getSimpleName());
        }
    }

    private static <T> T requireType(Key key, Class<T> type) {
        if (!type.isInstance(key)) {
            throw new BuiltinFailure("key type does not match the algorithm");
        }
        return type.cast(key);
    }

    private static byte[] jdkSign(String name, PrivateKey k, byte[] input, SecureRandom random, PSSParameterSpec spec)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(name);
        if (spec != null) {
            s.setParameter(spec);
        }
        s.initSign(k, random);
        s.update(input);
        return s.sign();
    }
}
