package io.dsx.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** compose/docker-compose.yml is valid for docker-compose, where docker-compose is installed. */
class DockerComposeFileTest {

    private static final Path FILE = Path.of("docker-compose.yml").toAbsolutePath();

    record Result(int exit, String output) {}

    private static Result config(boolean withSecrets, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker-compose", "-f", FILE.toString(), "config"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DSX_"));
        if (withSecrets) {
            for (String key : StackCredentials.KEYS) {
                pb.environment().put(key, "test-" + key.toLowerCase());
            }
            pb.environment().put("DSX_POSTGRES_PASSWORD", "test-postgres");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static boolean dockerComposeInstalled() {
        String path = System.getenv("PATH");
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "docker-compose")));
    }

    @Test
    void composeFileDeclaresThreeBrokersKeycloakOnPostgresAndTwoGateways() throws Exception {
        assumeTrue(dockerComposeInstalled(), "docker-compose is not installed (.ci/run installs it)");
        Result services = config(true, "--services");
        assertThat(services.exit()).as(services.output()).isZero();
        assertThat(services.output().lines().sorted().toList())
                .containsExactly(
                        "gateway-1",
                        "gateway-2",
                        "kafka-1",
                        "kafka-2",
                        "kafka-3",
                        "kafka-secrets",
                        "kafka-setup",
                        "keycloak",
                        "postgres");
        Result full = config(true);
        assertThat(full.exit()).isZero();
        assertThat(full.output())
                .contains("KC_DB: postgres")
                .contains("REPLICATION: 3")
                .doesNotContain("PLAINTEXT://");
        // gateways start once their Kafka principal and ACLs exist, and read the login from files
        String gateway1 = full.output().substring(full.output().indexOf("  gateway-1:"));
        assertThat(gateway1)
                .containsSubsequence(
                        "kafka-setup:",
                        "condition: service_completed_successfully",
                        "SPRING_CONFIG_IMPORT: configtree:/run/dsx/gateway-kafka/");
        // health is on the management port, inside the container only (nothing publishes 9080)
        assertThat(gateway1).contains("/dev/tcp/127.0.0.1/9080");
        assertThat(full.output()).doesNotContain(":9080\"").doesNotContain(":9080'");
        // the second gateway starts once the first is healthy: one of them creates the shared key stores
        String gateway2 = full.output().substring(full.output().indexOf("  gateway-2:"));
        assertThat(gateway2).containsSubsequence("depends_on:", "gateway-1:", "condition: service_healthy");
    }

    @Test
    void composeFileRefusesToRunWithoutItsSecrets() throws Exception {
        assumeTrue(dockerComposeInstalled(), "docker-compose is not installed (.ci/run installs it)");
        Result result = config(false, "-q");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("DSX_");
    }
}
