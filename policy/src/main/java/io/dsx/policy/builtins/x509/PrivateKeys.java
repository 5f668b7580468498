package io.dsx.policy.builtins.x509;

import io.dsx.crypto.keys.Pem;
import io.dsx.policy.builtins.encoding.GoBase64;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Private keys from PEM blocks (OPA's {@code getPrivateKeysFromPEMData}): PKCS#1
 * {@code RSA PRIVATE KEY}, PKCS#8 {@code PRIVATE KEY} and SEC 1 {@code EC PRIVATE KEY}; other
 * blocks are skipped, a malformed key block is an error.
 */
final class PrivateKeys {

    private PrivateKeys() {}

    static List<PrivateKey> fromPemData(String data) {
        String text = data;
        try {
            text = new String(GoBase64.decodeStd(data), StandardCharsets.ISO_8859_1);
        } catch (BuiltinFailure notBase64) {
            // plain PEM text
        }
        List<PrivateKey> keys = new ArrayList<>();
        for (Pem.Block block : Pem.decodeAll(text)) {
            switch (block.label()) {
                case "RSA PRIVATE KEY" -> keys.add(pkcs1(block.der()));
                case "PRIVATE KEY" -> keys.add(pkcs8(block.der()));
                case "EC PRIVATE KEY" -> keys.add(sec1(block.der()));
                default -> {}
            }
        }
        return keys;
    }

    static PrivateKey pkcs1(byte[] der) {
        try {
            RSAPrivateKey.getInstance(der);
            PrivateKeyInfo info = new PrivateKeyInfo(
                    new AlgorithmIdentifier(
                            PKCSObjectIdentifiers.rsaEncryption, org.bouncycastle.asn1.DERNull.INSTANCE),
                    RSAPrivateKey.getInstance(der));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new BuiltinFailure(
                    "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
        }
    }

    static PrivateKey pkcs8(byte[] der) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw new BuiltinFailure("x509: failed to parse private key");
    }

    static PrivateKey sec1(byte[] der) {
        try {
            ECPrivateKey ec = ECPrivateKey.getInstance(der);
            if (ec.getParametersObject() == null) {
                throw new BuiltinFailure("x509: unknown elliptic curve");
            }
            AlgorithmIdentifier alg =
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject());
            PrivateKeyInfo info = new PrivateKeyInfo(alg, ec);
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (BuiltinFailure e) {
            throw e;
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new BuiltinFailure("x509: failed to parse EC private key");
        }
    }
}
