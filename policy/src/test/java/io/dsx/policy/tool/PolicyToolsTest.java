package io.dsx.policy.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyToolsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void evalPrintsTheBindingsOfAQueryOverPolicyDataAndInput() throws IOException {
        write("p.rego", "package t\nallow if input.role in data.roles\n");
        write("data.json", "{\"roles\": [\"admin\"]}");
        int code = PolicyEval.run(
                new String[] {"-d", dir.toString(), "-i", "-", "x = data.t.allow"},
                new ByteArrayInputStream("{\"role\": \"admin\"}".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("{\"result\": [{\"x\":true}]}");
    }

    @Test
    void evalRefusesInputNested100000DeepWithAOneLineError() throws IOException {
        write("p.rego", "package t\nallow := true\n");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        int code = PolicyEval.run(
                new String[] {"-d", dir.toString(), "-i", "-", "data.t.allow"},
                new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("nesting depth");
    }

    @Test
    void evalReportsParseErrorsWithTheirCodeAndExitsOne() throws IOException {
        write("p.rego", "package t\nallow if {\n");
        int code = PolicyEval.run(
                new String[] {"-d", dir.toString(), "data.t.allow"},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("rego_parse_error");
    }

    @Test
    void testRunnerCountsPassesAndExplainsFailures() throws IOException {
        write("p.rego", "package t\nallow if input.role == \"admin\"\n");
        write("p_test.rego", """
                package t
                test_admin_allowed if allow with input as {"role": "admin"}
                test_guest_allowed if allow with input as {"role": "guest"}
                todo_test_later if false
                """);
        int code = PolicyTestRunner.run(new String[] {dir.toString()}, new PrintStream(out), new PrintStream(err));
        String text = out.toString();
        assertThat(code).isEqualTo(2);
        assertThat(text)
                .contains("FAIL: data.t.test_guest_allowed")
                .contains("rule is undefined")
                .contains("PASS: 1/3")
                .contains("FAIL: 1/3")
                .contains("SKIPPED: 1/3");
    }

    @Test
    void helpTextIsPrintedOnRequest() {
        assertThat(PolicyTestRunner.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err)))
                .isZero();
        assertThat(out.toString()).contains("Usage: dsx policy test");
    }

    private int check(String... args) {
        return PolicyCheck.run(args, new PrintStream(out), new PrintStream(err));
    }

    @Test
    void checkAcceptsABundleWithEveryDecisionRuleAndNamesWhatItRefuses() throws IOException {
        write("p.rego", "package dsx.read\ndecision := {\"allow\": false}\n");
        assertThat(check("--actions", "read", dir.toString())).isZero();
        assertThat(out.toString()).startsWith("accepted: ");

        assertThat(check("--actions", "read,request_access", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("missing_decision: data.dsx.request_access.decision");

        err.reset();
        write("q.rego", "package dsx.request_access\ndecision := {\"allow\": internal.test_case([1])}\n");
        assertThat(check("--actions", "read,request_access", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("unimplemented_builtin: /q.rego:2:", "internal.test_case");

        err.reset();
        write("r.rego", "package dsx.x\nx := [\n");
        write("s.rego", "package dsx.y\ny := {\n");
        assertThat(check(dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("parse: /r.rego:3:", "parse: /s.rego:3:");
    }

    @Test
    void testCoverageReportsCoveredAndUncoveredLinesPerFile() throws IOException {
        write("p.rego", "package t\n\nallow if {\n    input.role == \"admin\"\n}\n\ndeny if {\n    input.x\n}\n");
        write("p_test.rego", "package t\n\ntest_admin if allow with input as {\"role\": \"admin\"}\n");
        int code = PolicyTestRunner.run(
                new String[] {"--coverage", dir.toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(code).isZero();
        io.dsx.policy.value.Value report = io.dsx.policy.value.Json.parse(out.toString());
        io.dsx.policy.value.Value file = ((io.dsx.policy.value.ObjectValue)
                        ((io.dsx.policy.value.ObjectValue) report).get("files"))
                .get(dir.resolve("p.rego").toString());
        assertThat(io.dsx.policy.value.Json.write(file))
                .isEqualTo("{\"coverage\":50,\"covered\":[{\"end\":{\"row\":4},\"start\":{\"row\":3}}],"
                        + "\"covered_lines\":2,\"not_covered\":[{\"end\":{\"row\":8},\"start\":{\"row\":7}}],"
                        + "\"not_covered_lines\":2}");
        assertThat(err.toString()).contains("PASS: 1/1");
    }

    @Test
    void evalPrettyPrintsAValueOrATableAndPrintGoesToStderr() throws IOException {
        write(
                "p.rego",
                "package t\nx := {\"a\": [1]}\nys contains y if some y in [1, 2]\n"
                        + "p if {\n    print(\"n is\", input.n)\n}\n");
        assertThat(PolicyEval.run(
                        new String[] {"-d", dir.toString(), "--format", "pretty", "data.t.x"},
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out),
                        new PrintStream(err)))
                .isZero();
        assertThat(out.toString()).isEqualTo("{\n  \"a\": [\n    1\n  ]\n}\n");
        out.reset();
        PolicyEval.run(
                new String[] {"-d", dir.toString(), "-f", "pretty", "data.t.ys[y]"},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(out.toString()).isEqualTo("+---+\n| y |\n+---+\n| 1 |\n| 2 |\n+---+\n");
        out.reset();
        PolicyEval.run(
                new String[] {"-d", dir.toString(), "-i", "-", "-f", "pretty", "data.t.p"},
                new ByteArrayInputStream("{\"n\": 3}".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(out.toString()).isEqualTo("true\n");
        assertThat(err.toString()).isEqualTo("n is 3\n");
    }
}
