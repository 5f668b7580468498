package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.connectors.contributor.FakeGateway;
import io.dsx.schemas.dataset.DatasetSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    @TempDir
    Path dir;

    FakeGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(DatasetSchema.parse(ContributeCommandTest.SCHEMA));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private CliRun register(String schema) throws Exception {
        Path file = dir.resolve("s.avsc");
        Files.writeString(file, schema);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, FakeGateway.SECRET + "\n");
        return CliRun.of(
                Map.of(),
                "dataset",
                "register",
                "--gateway",
                gateway.url(),
                "--token-url",
                gateway.tokenUrl(),
                "--client-id",
                "hospital-a",
                "--client-secret-file",
                secret.toString(),
                "--id",
                "visits2",
                "--schema",
                file.toString(),
                "--title",
                "Visits",
                "--duo",
                "DUO:0000042",
                "DUO:0000007");
    }

    @Test
    void aTaggedSchemaIsRegisteredAndTheAnswerPrinted() throws Exception {
        CliRun run = register(ContributeCommandTest.SCHEMA);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"id\":\"visits2\"", "\"schemaVersion\":1");
        assertThat(run.errLine()).isEqualTo("dsx: registered dataset visits2 (owner hospital-a, schema version 1)");
        assertThat(gateway.tokenForms).hasSize(1).allMatch(f -> f.contains("client_id=hospital-a"));
    }

    @Test
    void anUntaggedFieldIsRefusedBeforeAnythingIsSent() throws Exception {
        CliRun run = register("""
        {"type":"record","name":"V","fields":[{"name":"age","type":"int"}]}""");
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine())
                .startsWith("dsx: " + dir.resolve("s.avsc") + ": ")
                .contains("age");
        assertThat(gateway.tokenForms).as("not even a token was asked for").isEmpty();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() throws Exception {
        Path file = dir.resolve("s.avsc");
        Files.writeString(file, ContributeCommandTest.SCHEMA);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, FakeGateway.SECRET + "\n");
        String[] args = {
            "dataset",
            "register",
            "--gateway",
            "http://gateway.invalid:8080",
            "--client-id",
            "hospital-a",
            "--client-secret-file",
            secret.toString(),
            "--id",
            "visits3",
            "--schema",
            file.toString(),
            "--title",
            "V"
        };
        CliRun refused = CliRun.of(args);
        assertThat(refused.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(refused.errLine())
                .contains("--gateway http://gateway.invalid:8080 is plain http to another machine")
                .contains("--allow-http");

        String[] allowed = java.util.Arrays.copyOf(args, args.length + 1);
        allowed[args.length] = "--allow-http";
        CliRun tried = CliRun.of(allowed);
        assertThat(tried.exit()).as("still fails: the host does not exist").isNotZero();
        assertThat(tried.err()).doesNotContain("plain http");
        assertThat(gateway.tokenForms).as("the secret went nowhere").isEmpty();
    }

    @Test
    void loopbackOverHttpNeedsNoFlag() {
        assertThat(GatewayOptions.isUnprotected(java.net.URI.create("http://127.0.0.1:8080")))
                .isFalse();
        assertThat(GatewayOptions.isUnprotected(java.net.URI.create("http://localhost:8080")))
                .isFalse();
        assertThat(GatewayOptions.isUnprotected(java.net.URI.create("http://[::1]:8080")))
                .isFalse();
        assertThat(GatewayOptions.isUnprotected(java.net.URI.create("https://gateway.example")))
                .isFalse();
        assertThat(GatewayOptions.isUnprotected(java.net.URI.create("http://127.0.0.1.example.com")))
                .isTrue();
        assertThat(GatewayOptions.isUnprotected(java.net.URI.create("http://10.0.0.1:8080")))
                .isTrue();
    }
}
