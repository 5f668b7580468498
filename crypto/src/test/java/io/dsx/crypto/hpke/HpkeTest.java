package io.dsx.crypto.hpke;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class HpkeTest {

    private static final byte[] INFO = "dsx/contribution/v1".getBytes(UTF_8);
    private static final byte[] AAD = "manifest".getBytes(UTF_8);
    private final HpkeKeyPair recipient = HpkeKeyPair.generate(new SecureRandom());

    @Test
    void sealedMessageOpensWithTheRecipientKey() throws Exception {
        Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, "records".getBytes(UTF_8));
        assertThat(sealed.enc()).hasSize(HpkeSuite.ENC_LENGTH);
        assertThat(sealed.ciphertext()).hasSize(7 + HpkeSuite.TAG_LENGTH);
        assertThat(Hpke.open(recipient, sealed, INFO, AAD)).isEqualTo("records".getBytes(UTF_8));
    }

    @Test
    void openFailsForAlteredCiphertextWrongAadWrongInfoOrWrongKey() {
        Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, "records".getBytes(UTF_8));
        byte[] ct = sealed.ciphertext();
        ct[0] ^= 1;
        assertDecryptionFails(recipient, new Sealed(sealed.enc(), ct), INFO, AAD);
        assertDecryptionFails(recipient, sealed, INFO, "other".getBytes(UTF_8));
        assertDecryptionFails(recipient, sealed, "dsx/other/v1".getBytes(UTF_8), AAD);
        assertDecryptionFails(HpkeKeyPair.generate(new SecureRandom()), sealed, INFO, AAD);
        byte[] enc = sealed.enc();
        enc[3] ^= 1;
        assertDecryptionFails(recipient, new Sealed(enc, sealed.ciphertext()), INFO, AAD);
    }

    @Test
    void lowOrderEncIsRejectedAsADecryptionFailure() {
        Sealed sealed = new Sealed(new byte[32], new byte[20]);
        assertDecryptionFails(recipient, sealed, INFO, AAD);
    }

    @Test
    void sameSeededRandomGivesTheSameSealedBytes() {
        byte[] pt = "x".getBytes(UTF_8);
        Sealed a = Hpke.seal(recipient.publicKey(), INFO, AAD, pt, seeded(7));
        Sealed b = Hpke.seal(recipient.publicKey(), INFO, AAD, pt, seeded(7));
        Sealed c = Hpke.seal(recipient.publicKey(), INFO, AAD, pt, seeded(8));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void privateKeySurvivesPkcs8RoundTripAndToStringHidesIt() throws Exception {
        HpkeKeyPair copy = HpkeKeyPair.fromPkcs8(recipient.exportPkcs8());
        assertThat(copy.publicKey()).isEqualTo(recipient.publicKey());
        assertThat(copy.keyId()).hasSize(64).isEqualTo(recipient.keyId());
        assertThat(recipient.toString())
                .contains("***")
                .doesNotContain(io.dsx.crypto.hash.Hex.encode(recipient.exportPkcs8()));
    }

    @Test
    void destroyedKeyRefusesToOpen() {
        Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, new byte[1]);
        recipient.destroy();
        assertThatThrownBy(() -> recipient.open(sealed, INFO, AAD)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertDecryptionFails(HpkeKeyPair key, Sealed sealed, byte[] info, byte[] aad) {
        assertThatThrownBy(() -> Hpke.open(key, sealed, info, aad))
                .isInstanceOfSatisfying(
                        CryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED));
    }

    static SecureRandom seeded(int seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
