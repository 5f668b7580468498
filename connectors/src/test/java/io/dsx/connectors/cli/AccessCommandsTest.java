package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessCommandsTest {

    static final List<String> COMMANDS = List.of(
            "datasets",
            "request",
            "requests",
            "grants",
            "approve",
            "deny",
            "revoke",
            "job submit",
            "job read",
            "audit",
            "audit export",
            "audit verify",
            "audit replay",
            "audit query",
            "audit disclosures",
            "audit report");

    @Test
    void everyAccessCommandsHelpEndsWithAnExampleAndFitsEightyColumns() {
        for (String command : COMMANDS) {
            CliRun run = CliRun.of((command + " --help").split(" "));
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: dsx " + command);
            List<String> lines = run.out().strip().lines().toList();
            assertThat(lines)
                    .as(command)
                    .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
            int example = lines.indexOf("Example:");
            assertThat(example).as(command + " has an example").isPositive();
            assertThat(lines.get(example + 1)).as(command).startsWith("  dsx " + command);
            assertThat(lines.subList(example + 1, lines.size())).as(command).allMatch(l -> l.startsWith("  "));
        }
    }

    @Test
    void missingArgumentsAreAOneLineUsageError() {
        CliRun run = CliRun.of("request", "--gateway", "http://127.0.0.1:1", "--dataset", "d");
        assertThat(run.exit()).isEqualTo(DsxCli.USAGE);
        assertThat(run.errLine()).startsWith("dsx: ").contains("--field");
    }

    @Test
    void anUnreachableGatewayIsAOneLineFailure() {
        CliRun run = CliRun.of(Map.of("DSX_TOKEN", "t"), "grants", "--gateway", "http://127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine()).startsWith("dsx: ");
    }
}
