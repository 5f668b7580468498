package io.dsx.policy.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

    @Test
    void ordersKindsAsOpaDoes() {
        List<Value> vs = new ArrayList<>(List.of(
                SetValue.of(NumberValue.ONE),
                ObjectValue.EMPTY,
                ArrayValue.EMPTY,
                StringValue.of("a"),
                NumberValue.of(-5),
                BoolValue.TRUE,
                BoolValue.FALSE,
                NullValue.INSTANCE));
        Collections.sort(vs);
        assertThat(vs)
                .extracting(Value::typeName)
                .containsExactly("null", "boolean", "boolean", "number", "string", "array", "object", "set");
        assertThat(vs.get(1)).isEqualTo(BoolValue.FALSE);
    }

    @Test
    void numbersAreExactAndEqualAcrossRepresentations() {
        assertThat(NumberValue.parse("1.0")).isEqualTo(NumberValue.of(1)).hasSameHashCodeAs(NumberValue.of(1));
        assertThat(NumberValue.parse("18446744073709551617").toString()).isEqualTo("18446744073709551617");
        assertThat(NumberValue.parse("0.1").compareTo(NumberValue.parse("0.10")))
                .isZero();
        assertThat(NumberValue.parse("1e2")).isEqualTo(NumberValue.of(100));
    }

    @Test
    void objectsWithNonStringKeysCompareKeyThenValue() {
        ObjectValue a =
                ObjectValue.builder().put(NumberValue.ONE, StringValue.of("x")).build();
        ObjectValue b = ObjectValue.builder()
                .put(NumberValue.of(2), StringValue.of("a"))
                .build();
        ObjectValue c =
                ObjectValue.builder().put(NumberValue.ONE, StringValue.of("y")).build();
        assertThat(a.compareTo(b)).isNegative();
        assertThat(a.compareTo(c)).isNegative();
        assertThat(a.get(NumberValue.parse("1.0"))).isEqualTo(StringValue.of("x"));
    }

    @Test
    void stringsOrderByCodePointLikeGo() {
        // U+1F600 (surrogate pair in UTF-16) sorts after U+FFFD in UTF-8 byte order
        assertThat(StringValue.of("\uD83D\uDE00").compareTo(StringValue.of("\uFFFD")))
                .isPositive();
        assertThat(StringValue.of("\uFFFD").compareTo(StringValue.of("\uD83D\uDE00")))
                .isNegative();
        // the plain-text fast path agrees: shorter prefix first, then by char
        assertThat(StringValue.of("ab").compareTo(StringValue.of("abc"))).isNegative();
        assertThat(StringValue.of("abd").compareTo(StringValue.of("abc"))).isPositive();
        assertThat(StringValue.of("a\uD83D\uDE00").compareTo(StringValue.of("b")))
                .isNegative();
        assertThat(StringValue.of("x\uE000").compareTo(StringValue.of("x\uD83D\uDE00")))
                .isNegative();
    }

    @Test
    void jsonRoundTripKeepsPrecisionAndWritesSetsAsArrays() {
        Value v = Json.parse("{\"n\": 123456789012345678901234567890.5, \"s\": [\"b\", \"a\"]}");
        assertThat(Json.write(v)).isEqualTo("{\"n\":123456789012345678901234567890.5,\"s\":[\"b\",\"a\"]}");
        assertThat(Json.write(SetValue.of(StringValue.of("b"), StringValue.of("a"))))
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(Json.write(ObjectValue.builder()
                        .put(NumberValue.ONE, BoolValue.TRUE)
                        .build()))
                .isEqualTo("{\"1\":true}");
        assertThat(SetValue.EMPTY.toString()).isEqualTo("set()");
    }
}
