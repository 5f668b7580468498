package io.dsx.crypto.aead;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.hash.Hex;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmKeyTest {

    private final AesGcmKey key = AesGcmKey.generate(new SecureRandom());
    private final byte[] aad = "aad".getBytes(UTF_8);

    @Test
    void sealedRecordOpensAndCarriesNonceAndTag() throws Exception {
        byte[] sealed = key.seal("plaintext".getBytes(UTF_8), aad);
        assertThat(sealed).hasSize(AesGcmKey.NONCE_LENGTH + 9 + AesGcmKey.TAG_LENGTH);
        assertThat(key.open(sealed, aad)).isEqualTo("plaintext".getBytes(UTF_8));
    }

    @Test
    void sealingTwiceUsesDifferentNonces() {
        byte[] a = key.seal(new byte[8], aad);
        byte[] b = key.seal(new byte[8], aad);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    }

    @Test
    void anyAlteredByteOrWrongAadFails() {
        byte[] sealed = key.seal("plaintext".getBytes(UTF_8), aad);
        for (int i = 0; i < sealed.length; i++) {
            byte[] t = sealed.clone();
            t[i] ^= 0x40;
            assertThatThrownBy(() -> key.open(t, aad))
                    .isInstanceOfSatisfying(
                            CryptoException.class,
                            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED));
        }
        assertThatThrownBy(() -> key.open(sealed, "other".getBytes(UTF_8))).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> key.open(new byte[27], aad))
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.MALFORMED));
    }

    /** NIST GCM spec test case 14: AES-256, zero key, zero 96-bit IV, one zero block. */
    @Test
    void matchesTheGcmSpecificationsAes256TestCase14() throws Exception {
        AesGcmKey zero = AesGcmKey.of(new SecretKeySpec(new byte[32], "AES"));
        byte[] sealed = Hex.decode(
                "000000000000000000000000" + "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
        assertThat(zero.open(sealed, null)).isEqualTo(new byte[16]);
    }

    @Test
    void destroyedKeyRefusesWorkAndToStringHidesTheKey() {
        assertThat(key.toString()).isEqualTo("AesGcmKey[***]");
        key.destroy();
        assertThatThrownBy(() -> key.seal(new byte[1], aad)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AesGcmKey.of(new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
