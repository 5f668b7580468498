package io.dsx.policy.builtins.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.value.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodingHelpersTest {

    @Test
    void base64DecoderReportsGoErrorPositions() {
        assertThat(new String(GoBase64.decodeStd("c3ViamVjdHM/X2Q="), StandardCharsets.UTF_8))
                .isEqualTo("subjects?_d");
        assertThatThrownBy(() -> GoBase64.decodeStd("{'not':'base64'}"))
                .hasMessage("illegal base64 data at input byte 0");
        assertThatThrownBy(() -> GoBase64.decodeStd("aGVsbG8")).hasMessage("illegal base64 data at input byte 4");
        assertThatThrownBy(() -> GoBase64.decodeStd("aGVsbG8=x")).hasMessage("illegal base64 data at input byte 8");
    }

    @Test
    void queryEscapingFollowsGoNetUrl() {
        assertThat(UrlQuery.escape("a=b+1 ~*")).isEqualTo("a%3Db%2B1+~%2A");
        assertThat(UrlQuery.unescape("a%3Db%2B1+x")).isEqualTo("a=b+1 x");
        assertThatThrownBy(() -> UrlQuery.unescape("%zz")).hasMessage("invalid URL escape \"%zz\"");
        assertThat(UrlQuery.encode(Map.of("c", List.of("d"), "a", List.of("b", "e"))))
                .isEqualTo("a=b&a=e&c=d");
        assertThat(UrlQuery.parse("a=1&b&a=2"))
                .containsEntry("a", List.of("1", "2"))
                .containsEntry("b", List.of(""));
    }

    @Test
    void jsonMatchesGoEncodingJson() {
        assertThat(GoJson.marshal(Json.parse("{\"b\": \"<&>\", \"a\": [1]}")))
                .isEqualTo("{\"a\":[1],\"b\":\"\\u003c\\u0026\\u003e\"}");
        assertThat(GoJson.marshalIndent(Json.parse("{\"a\": [1, []]}"), ">", "  "))
                .isEqualTo("{\n>  \"a\": [\n>    1,\n>    []\n>  ]\n>}");
    }

    @Test
    void yamlRoundTripsAndWordsErrorsLikeGoYaml() {
        assertThat(GoYaml.unmarshal(GoYaml.marshal(Json.parse("[{\"foo\": [1, 2, 3]}]"))))
                .isEqualTo(Json.parse("[{\"foo\": [1, 2, 3]}]"));
        assertThatThrownBy(() -> GoYaml.unmarshal("[1,2,3")).hasMessageStartingWith("yaml: line 1: did not find");
    }

    @Test
    void wordsJsonSyntaxErrorsAsGoEncodingJsonDoes() {
        assertThat(GoJsonSyntax.error("{")).isEqualTo("unexpected end of JSON input");
        assertThat(GoJsonSyntax.error("plainstring")).isEqualTo("invalid character 'p' looking for beginning of value");
        assertThat(GoJsonSyntax.error("[1,]")).isEqualTo("invalid character ']' looking for beginning of value");
        assertThat(GoJsonSyntax.error("{\"a\" 1}")).isEqualTo("invalid character '1' after object key");
        assertThat(GoJsonSyntax.error("01")).isEqualTo("invalid character '1' after top-level value");
        assertThat(GoJsonSyntax.error("\"a\nb\"")).isEqualTo("invalid character '\\n' in string literal");
        assertThat(GoJsonSyntax.error("tru")).isEqualTo("unexpected end of JSON input");
        assertThat(GoJsonSyntax.error("nul1")).isEqualTo("invalid character '1' in literal null (expecting 'l')");
        assertThat(GoJsonSyntax.error(" {\"a\": [1, 2.5e-3, true, null]} ")).isNull();
    }
}
