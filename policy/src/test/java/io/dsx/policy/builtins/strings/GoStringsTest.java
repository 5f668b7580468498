package io.dsx.policy.builtins.strings;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.value.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoStringsTest {

    @Test
    void replacerPrefersEarlierPairsAndMatchesEmptyBetweenRunes() {
        assertThat(GoStrings.replace("abc", List.<String[]>of(new String[] {"", "-"})))
                .isEqualTo("-a-b-c-");
        assertThat(GoStrings.replace("ab", List.of(new String[] {"", "-"}, new String[] {"b", "B"})))
                .isEqualTo("-a-B-");
        assertThat(GoStrings.replace("aaa", List.of(new String[] {"a", "1"}, new String[] {"aa", "2"})))
                .isEqualTo("111");
    }

    @Test
    void trimsCutsetsAndCountsByCodePoint() {
        assertThat(GoStrings.trim("xxhixyx", "xy", true, true)).isEqualTo("hi");
        assertThat(GoStrings.trim("xxhix", "x", false, true)).isEqualTo("xxhi");
        assertThat(GoStrings.count("cheese", "e")).isEqualTo(3);
        assertThat(GoStrings.count("d\u00fcmmy", "")).isEqualTo(6);
        assertThat(GoStrings.indexesOf("\u00e4b\u00e4b", "b", false)).containsExactly(1, 3);
        assertThat(GoStrings.reverse("ab\uD83D\uDE00")).isEqualTo("\uD83D\uDE00ba");
    }

    @Test
    void splitsOnEmptySeparatorIntoCodePoints() {
        assertThat(GoStrings.split("abc", "")).containsExactly("a", "b", "c");
        assertThat(GoStrings.split("a..b", ".")).containsExactly("a", "", "b");
    }

    @Test
    void rendersTemplatesWithRangeIfAndMissingKeys() {
        String t = "{{range $i, $name := .names}}{{if $i}},{{end}}hello {{$name}}{{end}} {{.nope}} {{.n}}";
        assertThat(GoTemplate.render(t, Json.parse("{\"names\": [\"rohan\", \"john doe\"], \"n\": 2023}")))
                .isEqualTo("hello rohan,hello john doe <undefined> 2023");
    }

    @Test
    void changesCaseRuneByRuneAsGoDoes() {
        assertThat(GoStrings.mapRunes("Stra\u00dfe", Character::toUpperCase)).isEqualTo("STRA\u00dfE");
        assertThat(GoStrings.mapRunes("\u00c4BC", Character::toLowerCase)).isEqualTo("\u00e4bc");
    }

    @Test
    void boundsTemplateOutputInsteadOfExhaustingMemory() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> GoTemplate.render("{{range 100000000}}xxxxxxxx{{end}}", Json.parse("{}")))
                .hasMessageContaining("output exceeds");
        assertThat(GoTemplate.render("{{range 3}}{{.}}{{end}}", Json.parse("{}")))
                .isEqualTo("012");
    }

    @Test
    void printsCollectionsInTemplatesAsGoFmtDoes() {
        assertThat(GoTemplate.render(
                        "{{.l}} {{.m}} {{.n}}",
                        Json.parse("{\"l\": [\"a\", 1, true], \"m\": {\"b\": [2], \"a\": \"x\"}, \"n\": null}")))
                .isEqualTo("[a 1 true] map[a:x b:[2]] <nil>");
    }
}
