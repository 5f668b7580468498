package io.dsx.policy.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.Policy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property: whatever the module text, input or data, compiling and evaluating either succeeds or
 * throws a {@link RegoException}; nothing else escapes (no StackOverflowError, no
 * NumberFormatException, no ClassCastException), and limits keep each try short.
 */
class RegoFuzzTest {
    private static final EvalOptions OPTS = EvalOptions.defaults().withLimits(Duration.ofMillis(500), 200_000, 10_000);

    private static final List<String> TOKENS = List.of(
            "package",
            "import",
            "default",
            "if",
            "else",
            "contains",
            "some",
            "every",
            "in",
            "not",
            "with",
            "as",
            "and",
            "or",
            "true",
            "false",
            "null",
            "input",
            "data",
            "x",
            "y",
            "p",
            "f",
            "_",
            "set()",
            ":=",
            "=",
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "+",
            "-",
            "*",
            "/",
            "%",
            "&",
            "|",
            ".",
            ",",
            ";",
            ":",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "\n",
            " ",
            "0",
            "1",
            "-1",
            "3.14",
            "1e308",
            "1e-308",
            "1e99999",
            "123456789012345678901234567890",
            "\"s\"",
            "`raw`",
            "$\"t{x}\"",
            "\"\\u00e9\"",
            "count(",
            "sum(",
            "json.unmarshal(",
            "concat(",
            "sprintf(",
            "regex.match(",
            "numbers.range(",
            "object.get(",
            "walk(",
            "split(",
            "to_number(",
            "format_int(",
            "round(",
            "rego.parse_module(",
            "print(",
            "# c\n",
            "\"",
            "$\"",
            "{x |",
            "[x |",
            "{k: v |");

    @Property(tries = 400)
    void tokenSoupNeverEscapesAsAnythingButRegoException(@ForAll("soup") String body) {
        exercise("package p\n" + body + "\n", null);
    }

    @Property(tries = 200)
    void wellFormedRulesOverRandomExpressionsNeverCrash(@ForAll("expressions") String expr) {
        exercise("package p\nx := " + expr + "\np if {\n\ty := " + expr + "\n\ty == input.a\n}\n", null);
    }

    @Property(tries = 60)
    void deepNestingIsAnErrorNotACrash(@ForAll("deep") String body) {
        exercise("package p\n" + body + "\n", null);
    }

    @Property(tries = 100)
    void randomInputDocumentsNeverCrash(@ForAll("documents") String json) {
        Value in;
        try {
            in = Json.parse(json);
        } catch (IllegalArgumentException e) {
            return; // too deep or malformed: a clear error, which is the point
        }
        exercise(
                "package p\nx := json.marshal(input)\ny := [v | walk(input, [_, v])]\n"
                        + "z := {k | some k, _ in input}\n",
                in);
    }

    private static void exercise(String module, Value input) {
        try {
            Policy p = Policy.compile(Map.of("p.rego", module), ObjectValue.EMPTY);
            p.eval("data.p", OPTS.withInput(input));
            p.eval("x = data.p[_]", OPTS.withInput(input).withStrict(true));
        } catch (RegoException e) {
            assertThat(e.code()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(ts -> String.join(" ", ts));
    }

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of(
                        "1",
                        "0",
                        "-7",
                        "1e99999",
                        "0.1",
                        "9e-99999",
                        "\"a\"",
                        "input.a",
                        "true",
                        "null",
                        "data.p",
                        "[]",
                        "{}",
                        "set()"),
                Arbitraries.strings().ofMaxLength(20).map(Json::quote),
                Arbitraries.strings()
                        .withChars('x', '"', '\\', '{', '}')
                        .ofMinLength(1000)
                        .ofMaxLength(5000)
                        .map(Json::quote),
                Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(String::valueOf));
        return Arbitraries.recursive(() -> leaf, this::compose, 0, 6);
    }

    private Arbitrary<String> compose(Arbitrary<String> inner) {
        return Arbitraries.oneOf(
                Combinators.combine(inner, Arbitraries.of("+", "-", "*", "/", "%", "==", "<", "|", "&"), inner)
                        .as((a, op, b) -> "(" + a + " " + op + " " + b + ")"),
                inner.list().ofMaxSize(4).map(l -> "[" + String.join(", ", l) + "]"),
                inner.list().ofMaxSize(4).map(l -> "{" + String.join(", ", l) + "}"),
                Combinators.combine(inner, inner).as((a, b) -> "{" + a + ": " + b + "}"),
                Combinators.combine(
                                Arbitraries.of(
                                        "count",
                                        "sum",
                                        "to_number",
                                        "format_int",
                                        "round",
                                        "json.marshal",
                                        "json.unmarshal",
                                        "abs",
                                        "type_name",
                                        "sort",
                                        "numbers.range",
                                        "concat",
                                        "sprintf",
                                        "object.get",
                                        "split"),
                                inner.list().ofMinSize(1).ofMaxSize(3))
                        .as((fn, args) -> fn + "(" + String.join(", ", args) + ")"),
                inner.map(a -> "[v | some v in " + a + "]"),
                inner.map(a -> "$\"<{" + a + "}>\""));
    }

    @Provide
    Arbitrary<String> deep() {
        Arbitrary<Integer> depth =
                Arbitraries.oneOf(Arbitraries.integers().between(1, 400), Arbitraries.of(1_000, 10_000, 100_000));
        Arbitrary<String> open = Arbitraries.of("[", "(", "{", "not ", "- ", "[x | ", "{1: ", "f(", "{1, ");
        return Combinators.combine(depth, open.list().ofMinSize(1).ofMaxSize(3)).as((n, opens) -> {
            StringBuilder sb = new StringBuilder("x := ");
            for (int k = 0; k < n; k++) {
                sb.append(opens.get(k % opens.size()));
            }
            sb.append("1");
            for (int k = n - 1; k >= 0; k--) {
                String o = opens.get(k % opens.size());
                sb.append(
                        switch (o) {
                            case "[", "[x | " -> "]";
                            case "(", "f(" -> ")";
                            case "{", "{1: ", "{1, " -> "}";
                            default -> "";
                        });
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<Integer> depth =
                Arbitraries.oneOf(Arbitraries.integers().between(0, 50), Arbitraries.of(999, 1_000, 1_001, 100_000));
        return Combinators.combine(
                        depth,
                        Arbitraries.of("[", "{\"k\":"),
                        Arbitraries.of("1", "\"s\"", "1e99999", "1e999999", "null", "[1, {\"a\": [true]}]"))
                .as((n, open, leaf) -> {
                    String close = open.equals("[") ? "]" : "}";
                    return open.repeat(n) + leaf + close.repeat(n);
                });
    }
}
