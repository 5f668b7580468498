package io.dsx.policy.builtins.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoUrlTest {

    @Test
    void splitsAUrlIntoGoUrlParts() {
        assertThat(GoUrl.parse("https://example.com:8080/api?q=1#top"))
                .isEqualTo(new GoUrl.Parsed("https", "example.com", "8080", "/api", "/api", "q=1", "top"));
        assertThat(GoUrl.parse("http://[::1]:8080/p").hostname()).isEqualTo("::1");
        assertThat(GoUrl.parse("mailto:user@example.com").path()).isEmpty();
    }

    @Test
    void keepsRawPathOnlyWhenDefaultEscapingWouldDiffer() {
        assertThat(GoUrl.parse("https://e.com/path%2Fx").rawPath()).isEqualTo("/path%2Fx");
        assertThat(GoUrl.parse("https://e.com/a%21b").rawPath()).isEqualTo("/a!b");
    }

    @Test
    void rejectsWhatGoRejectsWithGoTexts() {
        assertThatThrownBy(() -> GoUrl.parse("http://exa%6dple.com/"))
                .hasMessage("parse \"http://exa%6dple.com/\": invalid URL escape \"%6d\"");
        assertThatThrownBy(() -> GoUrl.parse("http://a<b@example.com/"))
                .hasMessageEndingWith("net/url: invalid userinfo");
        assertThatThrownBy(() -> GoUrl.parse("http://example.com:\u0663/")).hasMessageContaining("invalid port");
    }
}
