package io.dsx.crypto.dek;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.aead.AesGcmKey;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.testing.Json;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The stored-record value vector (computed outside Java) is what this code writes and reads. */
class StoredRecordValueVectorTest {

    private static final Map<String, Object> V = Json.object(Json.resource("/vectors/stored-record-v1.json"));

    private static byte[] hex(String field) {
        return Hex.decode((String) V.get(field));
    }

    /** Hands out the vector's nonce as the "random" bytes, so sealing is reproducible. */
    private static SecureRandom fixedNonce() {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(hex("nonce"), 0, bytes, 0, bytes.length);
            }
        };
    }

    @Test
    void aadHelperGivesTheVectorsAad() {
        byte[] aad = StoredRecordValue.aad((String) V.get("datasetId"), ((Long) V.get("schemaVersion")).intValue(),
            (String) V.get("contributionId"), (Long) V.get("index"));
        assertThat(aad).isEqualTo(hex("aad"));
    }

    @Test
    void encodingTheVectorsInputsGivesTheVectorsValue() {
        AesGcmKey dek = AesGcmKey.of(new SecretKeySpec(hex("dek"), "AES"), fixedNonce());
        byte[] plaintext = concat(hex("salt"), hex("record"));
        byte[] value = StoredRecordValue.encode((String) V.get("keyId"), dek.seal(plaintext, hex("aad")));
        assertThat(Hex.encode(value)).isEqualTo(V.get("value"));
    }

    @Test
    void decodingTheVectorsValueGivesKeyIdAndPlaintext() throws Exception {
        byte[] value = hex("value");
        assertThat(StoredRecordValue.keyIdOf(value)).isEqualTo(V.get("keyId"));
        AesGcmKey dek = AesGcmKey.of(new SecretKeySpec(hex("dek"), "AES"));
        assertThat(dek.open(StoredRecordValue.sealedPart(value), hex("aad")))
            .isEqualTo(concat(hex("salt"), hex("record")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
