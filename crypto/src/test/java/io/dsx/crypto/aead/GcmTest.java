package io.dsx.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class GcmTest {

    private static final int[] SIZES = {
        0,
        1,
        15,
        16,
        17,
        Gcm.PIECE - 1,
        Gcm.PIECE,
        Gcm.PIECE + 1,
        Gcm.PIECEWISE_OPEN_FROM - 1,
        Gcm.PIECEWISE_OPEN_FROM,
        Gcm.PIECEWISE_OPEN_FROM + 1,
        3 * Gcm.PIECE + 5,
        131_072,
        500_000
    };

    private final Random random = new Random(7);

    @Test
    void piecesGiveTheBytesOfOneDoFinalAndOpenBack() throws Exception {
        for (int size : SIZES) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(12);
            byte[] aad = bytes(size % 3 == 0 ? 0 : 40);
            byte[] plain = bytes(size);
            byte[] jdk = jdk(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plain);

            byte[] ours = new byte[plain.length + 16 + 9];
            int n = Gcm.encrypt(jdk(Cipher.ENCRYPT_MODE, key, nonce, aad), plain, 0, plain.length, ours, 9);
            assertThat(n).isEqualTo(jdk.length);
            assertThat(Arrays.copyOfRange(ours, 9, 9 + n)).as("size %d", size).isEqualTo(jdk);

            byte[] framed = new byte[jdk.length + 7];
            System.arraycopy(jdk, 0, framed, 3, jdk.length);
            assertThat(Gcm.decrypt(key, nonce, aad, framed, 3, jdk.length))
                    .as("size %d", size)
                    .isEqualTo(plain);
            // the same message opened twice in a row (a resend, a re-read)
            assertThat(Gcm.decrypt(key, nonce, aad, jdk, 0, jdk.length)).isEqualTo(plain);
        }
    }

    @Test
    void anyAlteredByteWrongKeyNonceOrAadIsRefused() throws Exception {
        for (int size : new int[] {100, Gcm.PIECEWISE_OPEN_FROM + 100, 200_000}) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(12);
            byte[] aad = bytes(20);
            byte[] sealed = jdk(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(bytes(size));
            for (int at : new int[] {0, size / 2, size - 1, size, size + 15}) {
                byte[] bad = sealed.clone();
                bad[at] ^= 1;
                assertRefused(key, nonce, aad, bad);
            }
            assertRefused(bytes(32), nonce, aad, sealed);
            assertRefused(key, bytes(12), aad, sealed);
            assertRefused(key, nonce, bytes(20), sealed);
            assertRefused(key, nonce, aad, Arrays.copyOf(sealed, sealed.length - 1));
        }
    }

    @Test
    void aKnownAnswerFromTheGcmSpecification() throws Exception {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 96-bit IV, with AAD)
        HexFormat hex = HexFormat.of();
        byte[] key = hex.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        byte[] nonce = hex.parseHex("cafebabefacedbaddecaf888");
        byte[] aad = hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = hex.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] expected = hex.parseHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                + "76fc6ece0f4e1768cddf8853bb2d551b");
        byte[] out = new byte[plain.length + 16];
        Gcm.encrypt(jdk(Cipher.ENCRYPT_MODE, key, nonce, aad), plain, 0, plain.length, out, 0);
        assertThat(out).isEqualTo(expected);
        assertThat(Gcm.decrypt(key, nonce, aad, expected, 0, expected.length)).isEqualTo(plain);
    }

    private static void assertRefused(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        assertThatThrownBy(() -> Gcm.decrypt(key, nonce, aad, sealed, 0, sealed.length))
                .isInstanceOf(AEADBadTagException.class);
    }

    private static Cipher jdk(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        if (aad.length > 0) {
            c.updateAAD(aad);
        }
        return c;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
