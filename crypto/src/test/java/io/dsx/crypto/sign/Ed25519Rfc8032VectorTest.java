package io.dsx.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.testing.Json;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 §7.1: Ed25519 is deterministic, so signing must reproduce the RFC's bytes exactly. */
class Ed25519Rfc8032VectorTest {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4) before the 32 raw key bytes. */
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    static Stream<Map<String, Object>> vectors() {
        List<Object> list = Json.array(
                Json.object(Json.resource("/vectors/ed25519-rfc8032.json")).get("vectors"));
        assertThat(list).hasSize(5);
        return list.stream().map(Json::object);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void seedGivesTheRfcPublicKeyAndSignature(Map<String, Object> v) {
        SigningKey key = SigningKey.ed25519FromSeed(hex(v, "secretKey"));
        byte[] encoded = key.publicKey().getEncoded();
        assertThat(Hex.encode(encoded)).isEqualTo(SPKI_PREFIX + v.get("publicKey"));
        assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(key.sign(hex(v, "message"))).isEqualTo(hex(v, "signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rfcSignatureVerifiesAndAFlippedBitDoesNot(Map<String, Object> v) throws Exception {
        PublicKey pub = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Hex.decode(SPKI_PREFIX + v.get("publicKey"))));
        byte[] message = hex(v, "message");
        byte[] signature = hex(v, "signature");
        assertThat(Signatures.verify(pub, SignatureAlgorithm.ED25519, message, signature))
                .isTrue();
        signature[10] ^= 0x01;
        assertThat(Signatures.verify(pub, SignatureAlgorithm.ED25519, message, signature))
                .isFalse();
    }

    private static byte[] hex(Map<String, Object> v, String field) {
        return Hex.decode((String) v.get(field));
    }
}
