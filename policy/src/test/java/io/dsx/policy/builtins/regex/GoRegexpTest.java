package io.dsx.policy.builtins.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoRegexpTest {

    @Test
    void findAllSkipsEmptyMatchesThatAbutThePreviousMatch() {
        assertThat(GoRegexp.findAll(GoRegexp.compile("a*"), "baaab", -1))
                .extracting(m -> m[0] + "-" + m[1])
                .containsExactly("0-0", "1-4", "5-5");
    }

    @Test
    void splitsAndExpandsAsGoDoes() {
        assertThat(GoRegexp.split(GoRegexp.compile("a"), "banana")).containsExactly("b", "n", "n", "");
        assertThat(GoRegexp.replaceAll(GoRegexp.compile("(?P<w>\\w+)@(\\w+)"), "x a@b y", "${2}:$w$$"))
                .isEqualTo("x b:a$ y");
    }

    @Test
    void reportsGoCompileErrorsAndTemplates() {
        assertThatThrownBy(() -> GoRegexp.compile("(abc")).hasMessageContaining("missing closing )");
        assertThat(RegexTemplate.compile("urn:foo:<.*>", '<', '>')
                        .matcher("urn:foo:bar:baz")
                        .matches())
                .isTrue();
        assertThatThrownBy(() -> RegexTemplate.compile("urn:{x", '{', '}'))
                .hasMessage("unbalanced braces in \"urn:{x\"");
    }

    @Test
    void intersectsGlobLanguages() {
        assertThat(GlobIntersection.nonEmpty("a.a.[0-9]+z", ".b.b2359825792*594823z"))
                .isTrue();
        assertThat(GlobIntersection.nonEmpty("[a-z]+", "[0-9]*")).isFalse();
        assertThatThrownBy(() -> GlobIntersection.nonEmpty("pqrs]", "[a-b]+"))
                .hasMessage("input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid");
    }
}
