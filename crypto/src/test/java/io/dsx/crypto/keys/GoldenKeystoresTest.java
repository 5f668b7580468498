package io.dsx.crypto.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.hpke.Sealed;
import io.dsx.crypto.kms.KeyManagementService;
import io.dsx.crypto.kms.Pkcs12KeyManagementService;
import io.dsx.crypto.kms.WrappedKey;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.crypto.sign.Signatures;
import io.dsx.crypto.testing.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keystore files written by the first version (src/test/resources/golden) must keep opening, and the
 * keys in them must keep unwrapping, opening and verifying what they produced then (STYLE habit 6).
 */
class GoldenKeystoresTest {

    private static final Map<String, Object> G = Json.object(Json.resource("/golden/keystores-v1.json"));
    private static final char[] PASSWORD = "golden-password".toCharArray();

    @TempDir
    Path dir;

    private Path copy(String field) throws Exception {
        Path target = dir.resolve((String) G.get(field));
        try (InputStream in = getClass().getResourceAsStream("/golden/" + G.get(field))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static byte[] hex(String field) {
        return Hex.decode((String) G.get(field));
    }

    private static byte[] utf8(String field) {
        return ((String) G.get(field)).getBytes(UTF_8);
    }

    @Test
    void version1KmsKeystoreStillUnwrapsItsDek() throws Exception {
        KeyManagementService kms =
                Pkcs12KeyManagementService.openOrCreate(copy("kmsFile"), PASSWORD, new SecureRandom());
        var dek = kms.unwrap(new WrappedKey((String) G.get("kekName"), hex("wrappedDek")));
        assertThat(dek.open(hex("dekSealed"), utf8("dekAad"))).isEqualTo(utf8("dekPlaintext"));
    }

    @Test
    void version1GatewayKeystoreStillOpensAndVerifies() throws Exception {
        Path file = copy("gatewayFile");
        byte[] before = Files.readAllBytes(file);
        GatewayKeyStore keys = GatewayKeyStore.openOrCreate(file, PASSWORD, Clock.systemUTC(), new SecureRandom());
        assertThat(keys.currentHpkeKey().keyId()).isEqualTo(G.get("hpkeKeyId"));
        assertThat(keys.open(
                        (String) G.get("hpkeKeyId"),
                        new Sealed(hex("hpkeEnc"), hex("hpkeCiphertext")),
                        "dsx/contribution/v1".getBytes(UTF_8),
                        "manifest".getBytes(UTF_8)))
                .isEqualTo(utf8("hpkePlaintext"));
        assertThat(keys.receiptKeyId()).isEqualTo(G.get("receiptKeyId"));
        assertThat(keys.receiptPublicKeyRaw()).isEqualTo(hex("receiptPublicKey"));
        assertThat(Signatures.verify(
                        keys.receiptCertificate(),
                        SignatureAlgorithm.ED25519,
                        "golden receipt".getBytes(UTF_8),
                        hex("receiptSignature")))
                .isTrue();
        assertThat(Files.readAllBytes(file))
                .as("opening must not rewrite the file")
                .isEqualTo(before);
    }
}
