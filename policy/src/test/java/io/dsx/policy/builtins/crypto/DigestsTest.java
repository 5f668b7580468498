package io.dsx.policy.builtins.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.builtins.crypto.Digests.HashFunction;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void md5OfLoremIpsumMatchesOpa() {
        assertThat(Digests.digestHex(HashFunction.MD5, "lorem ipsum")).isEqualTo("80a751fde577028640c419000e33eba6");
    }

    @Test
    void hmacSha512OfFooUnderBarMatchesOpa() {
        assertThat(Digests.hmacHex(HashFunction.SHA512, "foo", "bar"))
                .isEqualTo("24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d6"
                        + "1b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8");
    }

    @Test
    void hmacHashesUnicodeAsUtf8() {
        assertThat(Digests.hmacHex(HashFunction.SHA512, "åäöçß\uD83E\uDD72♙Ω", "秘密の"))
                .startsWith("192f5afded233d6e");
    }

    @Test
    void emptyKeyHmacEqualsRfc2104Definition() {
        // HMAC-SHA256("", "") from the published test vector.
        assertThat(Digests.hmacHex(HashFunction.SHA256, "", ""))
                .isEqualTo("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }

    @Test
    void macEqualityIsExact() {
        assertThat(Digests.constantTimeEquals("31b6db9e", "31b6db9e")).isTrue();
        assertThat(Digests.constantTimeEquals("31b6db9e5eb4addb42f1a6ca07367adc", "31b6db9e5eb4addb"))
                .isFalse();
    }
}
