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
        int code = PolicyEval.run(new String[] {"-d", dir.toString(), "-i", "-", "x = data.t.allow"},
                new ByteArrayInputStream("{\"role\": \"admin\"}".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out), new PrintStream(err));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("{\"result\": [{\"x\":true}]}");
    }

    @Test
    void evalRefusesInputNested100000DeepWithAOneLineError() throws IOException {
        write("p.rego", "package t\nallow := true\n");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        int code = PolicyEval.run(new String[] {"-d", dir.toString(), "-i", "-", "data.t.allow"},
                new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)), new PrintStream(out),
                new PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("nesting depth");
    }

    @Test
    void evalReportsParseErrorsWithTheirCodeAndExitsOne() throws IOException {
        write("p.rego", "package t\nallow if {\n");
        int code = PolicyEval.run(new String[] {"-d", dir.toString(), "data.t.allow"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
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
        assertThat(text).contains("FAIL: data.t.test_guest_allowed").contains("rule is undefined")
                .contains("PASS: 1/3").contains("FAIL: 1/3").contains("SKIPPED: 1/3");
    }

    @Test
    void helpTextIsPrintedOnRequest() {
        assertThat(PolicyTestRunner.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("Usage: dsx policy test");
    }
}
