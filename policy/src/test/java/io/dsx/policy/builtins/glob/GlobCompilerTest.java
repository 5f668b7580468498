package io.dsx.policy.builtins.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobCompilerTest {

    private static final List<Integer> DOT = List.of((int) '.');

    @Test
    void singleStarStopsAtDelimitersButSuperStarDoesNot() {
        assertThat(GlobCompiler.matches("*.github.com", DOT, "api.github.com")).isTrue();
        assertThat(GlobCompiler.matches("*.github.com", DOT, "api.cdn.github.com"))
                .isFalse();
        assertThat(GlobCompiler.matches("api.**.com", DOT, "api.cdn.github.com"))
                .isTrue();
        assertThat(GlobCompiler.matches("*", List.of(), "foo.bar")).isTrue();
    }

    @Test
    void supportsClassesNegationAlternativesAndEscapes() {
        assertThat(GlobCompiler.matches("[!a-c]at", DOT, "fat")).isTrue();
        assertThat(GlobCompiler.matches("[!a-c]at", DOT, "bat")).isFalse();
        assertThat(GlobCompiler.matches("{cat,bat,[fr]at}", DOT, "rat")).isTrue();
        assertThat(GlobCompiler.matches("{cat,bat,[fr]at}", DOT, "at")).isFalse();
        assertThat(GlobCompiler.matches("a\\*b", DOT, "a*b")).isTrue();
        assertThat(GlobCompiler.matches("a\\*b", DOT, "axb")).isFalse();
    }

    @Test
    void quotesMetaCharactersAndRejectsUnclosedClasses() {
        assertThat(GlobCompiler.quoteMeta("*.github.com")).isEqualTo("\\*.github.com");
        assertThatThrownBy(() -> GlobCompiler.matches("[abc", DOT, "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesManyStarGlobsWithoutBacktracking() {
        String text = "a".repeat(5000);
        assertThat(GlobCompiler.matches("*a*a*a*a*a*a*b", List.of(), text)).isFalse();
        assertThat(GlobCompiler.matches("*a*a*a*a*a*a*", List.of(), text)).isTrue();
    }
}
