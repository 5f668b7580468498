package io.dsx.compose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The gateway's fat jar run as a child process, wired to a local stack. */
public final class GatewayProcess implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;
    private final int managementPort;

    private GatewayProcess(ManagedProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the gateway; its key stores (created on first run) live in {@code workDir}; health and
     * metrics answer on {@code managementPort}, on loopback.
     */
    public static GatewayProcess start(
            Path jar,
            Path workDir,
            LocalStack stack,
            int port,
            int managementPort,
            String keysPassword,
            Duration timeout)
            throws IOException, InterruptedException {
        return start(
                jar,
                workDir,
                stack.bootstrapServers(),
                stack.gatewayKafkaLogin(),
                stack.keycloak().issuer(),
                port,
                managementPort,
                keysPassword,
                List.of(),
                List.of(),
                timeout);
    }

    /**
     * Starts the gateway against any broker and token issuer; {@code jvmOptions} go before {@code -jar},
     * {@code settings} ({@code --name=value}) after the standard ones, so they win.
     */
    public static GatewayProcess start(
            Path jar,
            Path workDir,
            String bootstrapServers,
            KafkaLogin kafkaLogin,
            String issuer,
            int port,
            int managementPort,
            String keysPassword,
            List<String> jvmOptions,
            List<String> settings,
            Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("gateway jar not found at " + jar + " (build first: ./mvnw -DskipTests install)");
        }
        OwnerOnly.directories(workDir);
        // secrets go through an owner-only file and the environment, not the command line (which ps shows)
        Path kafka = kafkaLogin.writeSpringConfig(workDir.resolve("kafka-client.properties"));
        List<String> cmd = new ArrayList<>(List.of(JavaRuntime.javaExecutable(), "-Xmx1g"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                // an OutOfMemoryError ends the process (run-local notices and restarts it) rather than
                // leaving a gateway that answers some requests and has lost threads for others
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.config.import=file:" + kafka.toAbsolutePath(),
                "--dsx.security.issuer-uri=" + issuer));
        cmd.addAll(settings);
        Map<String, String> env = Map.of(
                "DSX_KEYS_PASSWORD",
                keysPassword,
                "DSX_DATA_DIR",
                workDir.toAbsolutePath().toString());
        ManagedProcess process = ManagedProcess.start("gateway", cmd, workDir, env, workDir.resolve("gateway.log"));
        GatewayProcess gateway = new GatewayProcess(process, port, managementPort);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(gateway.managementUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            Readiness.await(
                    process,
                    timeout,
                    () -> http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
        } catch (IOException | InterruptedException | RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics (loopback only). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
