package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DsxCliTest {
    @TempDir
    Path dir;

    @Test
    void noCommandIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of();
        assertThat(run.exit()).isEqualTo(DsxCli.USAGE);
        assertThat(run.errLine()).isEqualTo("dsx: a command is required (see 'dsx --help')");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("contribut");
        assertThat(run.exit()).isEqualTo(DsxCli.USAGE);
        assertThat(run.errLine()).startsWith("dsx: Unmatched argument").contains("contribut");
    }

    @Test
    void aMissingRequiredOptionNamesItAndTheHelp() {
        CliRun run = CliRun.of("keygen", "--institution", "hospital-a");
        assertThat(run.exit()).isEqualTo(DsxCli.USAGE);
        assertThat(run.errLine()).isEqualTo("dsx: Missing required option: '--out=DIR' (see 'dsx keygen --help')");
    }

    @Test
    void anUnknownAlgorithmIsAUsageError() {
        CliRun run = CliRun.of("keygen", "--institution", "h", "--out", dir.toString(), "--algorithm", "dsa");
        assertThat(run.exit()).isEqualTo(DsxCli.USAGE);
        assertThat(run.errLine()).startsWith("dsx: ").contains("unknown algorithm 'dsa'");
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (List<String> command : List.of(
                List.<String>of(),
                List.of("keygen"),
                List.of("dataset"),
                List.of("dataset", "register"),
                List.of("contribute"),
                List.of("policy"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: dsx");
        }
        assertThat(CliRun.of("contribute", "--help").out()).contains("--batch-records", "--map", "--receipts");
    }

    @Test
    void policyCommandsHandTheirArgumentsToThePolicyTools() throws Exception {
        CliRun help = CliRun.of("policy", "eval", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: dsx policy eval");

        Path rego = dir.resolve("p.rego");
        Files.writeString(rego, "package x\n\nallow if input.age >= 18\n", StandardCharsets.UTF_8);
        Path input = dir.resolve("in.json");
        Files.writeString(input, "{\"age\": 30}", StandardCharsets.UTF_8);
        CliRun eval = CliRun.of("policy", "eval", "-d", rego.toString(), "-i", input.toString(), "a := data.x.allow");
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("{\"a\":true}");

        Path test = dir.resolve("p_test.rego");
        Files.writeString(
                test,
                "package x\n\ntest_adult if allow with input as {\"age\": 40}\n"
                        + "test_wrong if allow with input as {\"age\": 4}\n",
                StandardCharsets.UTF_8);
        CliRun check = CliRun.of("policy", "check", "--actions", "read", dir.toString());
        assertThat(check.exit()).as("no data.dsx.read.decision").isEqualTo(1);
        assertThat(check.err()).contains("missing_decision: data.dsx.read.decision");
        for (String tool : List.of("eval", "test", "check")) {
            CliRun h = CliRun.of("policy", tool, "--help");
            assertThat(h.out().lines()).as(tool).allMatch(l -> l.length() <= 80);
            assertThat(h.out().strip()).as(tool).contains("Example:");
        }

        CliRun tests = CliRun.of("policy", "test", dir.toString());
        assertThat(tests.exit()).as("one failing test").isEqualTo(2);
        assertThat(tests.out() + tests.err()).contains("test_wrong");
    }
}
