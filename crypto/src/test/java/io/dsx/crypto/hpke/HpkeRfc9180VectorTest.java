package io.dsx.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.testing.Json;
import java.util.Map;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.Test;

/** The CFRG/RFC 9180 vector for exactly the suite dsx uses (mode 0, kem 0x20, kdf 1, aead 2). */
class HpkeRfc9180VectorTest {

    private static final Map<String, Object> V =
            Json.object(Json.resource("/vectors/hpke-x25519-sha256-aes256gcm.json"));

    private static byte[] hex(Object o) {
        return Hex.decode((String) o);
    }

    @Test
    void vectorIsForTheSuiteDsxUses() {
        assertThat(V.get("mode")).isEqualTo((long) HpkeSuite.MODE_BASE);
        assertThat(V.get("kem_id")).isEqualTo((long) HpkeSuite.KEM_ID);
        assertThat(V.get("kdf_id")).isEqualTo((long) HpkeSuite.KDF_ID);
        assertThat(V.get("aead_id")).isEqualTo((long) HpkeSuite.AEAD_ID);
    }

    @Test
    void deriveKeyPairFromSeedGivesTheVectorsRecipientKey() throws Exception {
        HpkeKeyPair recipient = HpkeKeyPair.derive(hex(V.get("ikmR")));
        assertThat(recipient.publicKey().bytes()).isEqualTo(hex(V.get("pkRm")));
        byte[] raw = ((X25519PrivateKeyParameters) PrivateKeyFactory.createKey(recipient.exportPkcs8())).getEncoded();
        assertThat(raw).isEqualTo(hex(V.get("skRm")));
    }

    @Test
    void sealWithTheVectorsEphemeralSeedGivesTheVectorsEncAndFirstCiphertext() {
        Map<String, Object> first = Json.object(Json.array(V.get("encryptions")).get(0));
        Sealed sealed = Hpke.sealWithEphemeralIkm(
                HpkePublicKey.of(hex(V.get("pkRm"))),
                hex(V.get("info")),
                hex(first.get("aad")),
                hex(first.get("plaintext")),
                hex(V.get("ikmE")));
        assertThat(sealed.enc()).isEqualTo(hex(V.get("enc")));
        assertThat(sealed.ciphertext()).isEqualTo(hex(first.get("ciphertext")));
    }

    @Test
    void openRecoversTheVectorsFirstPlaintext() throws Exception {
        Map<String, Object> first = Json.object(Json.array(V.get("encryptions")).get(0));
        HpkeKeyPair recipient = HpkeKeyPair.derive(hex(V.get("ikmR")));
        byte[] pt = Hpke.open(
                recipient,
                new Sealed(hex(V.get("enc")), hex(first.get("ciphertext"))),
                hex(V.get("info")),
                hex(first.get("aad")));
        assertThat(pt).isEqualTo(hex(first.get("plaintext")));
    }
}
