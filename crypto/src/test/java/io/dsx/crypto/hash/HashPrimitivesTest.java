package io.dsx.crypto.hash;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HashPrimitivesTest {

    @Test
    void sha256OfAbcIsTheFips180Value() {
        assertThat(Sha256.hex("abc".getBytes(US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.digest("a".getBytes(US_ASCII), "bc".getBytes(US_ASCII)))
                .isEqualTo(Sha256.digest("abc".getBytes(US_ASCII)));
    }

    /** RFC 5869 Appendix A.1 (basic case) and A.3 (empty salt and info). */
    @Test
    void hkdfMatchesRfc5869TestCases1And3() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] prk = Hkdf.extract(Hex.decode("000102030405060708090a0b0c"), ikm);
        assertThat(Hex.encode(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(Hex.encode(Hkdf.expand(prk, Hex.decode("f0f1f2f3f4f5f6f7f8f9"), 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");

        byte[] prk3 = Hkdf.extract(new byte[0], ikm);
        assertThat(Hex.encode(prk3)).isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(Hex.encode(Hkdf.expand(prk3, new byte[0], 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
        assertThatThrownBy(() -> Hkdf.expand(prk3, null, 255 * 32 + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constantTimeEqualsComparesContentAndLength() {
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2, 0})).isFalse();
        assertThat(ConstantTime.equals(null, new byte[0])).isFalse();
        assertThat(ConstantTime.equals(null, null)).isTrue();
    }

    @Test
    void hexRoundTripsAndRejectsOddInput() {
        assertThat(Hex.encode(Hex.decode("00FFa0"))).isEqualTo("00ffa0");
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
