package io.dsx.policy.builtins.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonTest {

    @Test
    void duplicateKeysKeepTheLastValueAsGoDoes() {
        assertThat(PlainJson.parseObject("{\"iss\":\"a\",\"iss\":\"opa\"}")).containsEntry("iss", "opa");
    }

    @Test
    void numbersKeepFullPrecision() {
        assertThat(PlainJson.parse("1.5893857711234e+09")).isEqualTo(new BigDecimal("1.5893857711234e+09"));
    }

    @Test
    void writesSortedKeysAndEscapesHtmlLikeGo() {
        Object v = Map.of("b", List.of(1, "<&>"), "a", new BigDecimal("3000.20"));
        assertThat(PlainJson.write(v)).isEqualTo("{\"a\":3000.2,\"b\":[1,\"\\u003c\\u0026\\u003e\"]}");
    }

    @Test
    void rejectsTrailingGarbage() {
        assertThatThrownBy(() -> PlainJson.parse("{} x")).isInstanceOf(BuiltinFailure.class);
        assertThat(PlainJson.isValid("")).isFalse();
    }
}
