package io.dsx.policy.builtins.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoBase64Test {

    @Test
    void decodesUnpaddedUrlSafeText() {
        assertThat(new String(GoBase64.decodeUrlLenient("eyJhbGciOiJIUzI1NiJ9"), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"HS256\"}");
        assertThat(GoBase64.decodeUrlLenient("_-8")).containsExactly(0xff, 0xef);
    }

    @Test
    void reportsTheOffendingByteLikeGo() {
        assertThatThrownBy(() -> GoBase64.decodeUrlLenient("eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9"))
                .hasMessage("illegal base64 data at input byte 13");
    }

    @Test
    void rejectsALengthNoPaddingCanFix() {
        assertThatThrownBy(() -> GoBase64.decodeUrlLenient("abcde")).hasMessageStartingWith("illegal base64url string");
    }

    @Test
    void standardAlphabetKeepsPlusAndSlash() {
        assertThat(GoBase64.decodeStd("+/8=")).containsExactly(0xfb, 0xff);
    }
}
