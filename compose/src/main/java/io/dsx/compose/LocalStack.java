package io.dsx.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running broker and Keycloak, started side by side. Closing it stops both.
 *
 * <p>Where the build put the broker's jars and Keycloak's zip is {@code -Ddsx.stack.dir}, else
 * {@code compose/target/stack} found by walking up from the working directory.
 */
public final class LocalStack implements AutoCloseable {

    private final KafkaBroker broker;
    private final KeycloakServer keycloak;
    private final StackCredentials credentials;

    private LocalStack(KafkaBroker broker, KeycloakServer keycloak, StackCredentials credentials) {
        this.broker = broker;
        this.keycloak = keycloak;
        this.credentials = credentials;
    }

    /**
     * @param dataDir         where the broker's log and (for {@code dev-file}) Keycloak's database live
     * @param keycloakInstall where Keycloak is unpacked and built (may be shared across runs as a cache)
     * @param keycloakDb      {@code dev-mem} for tests, {@code dev-file} for the local run
     */
    public record Options(
            Path stackDir,
            Path dataDir,
            Path keycloakInstall,
            String keycloakDb,
            int kafkaPort,
            int kafkaControllerPort,
            int kafkaInternalPort,
            int keycloakPort,
            StackCredentials credentials,
            Duration startTimeout) {
        @Override
        public String toString() {
            return "LocalStack.Options[" + dataDir + "]";
        }
    }

    public static LocalStack start(Options o) throws IOException, InterruptedException {
        OwnerOnly.directories(o.dataDir());
        CompletableFuture<KeycloakServer> keycloak =
                CompletableFuture.supplyAsync(() -> unchecked(() -> KeycloakServer.start(new KeycloakServer.Options(
                        o.stackDir().resolve("keycloak-dist.zip"),
                        o.keycloakInstall(),
                        o.keycloakDb(),
                        o.keycloakPort(),
                        o.credentials(),
                        o.startTimeout()))));
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(new KafkaBroker.Options(
                    o.stackDir().resolve("kafka-libs"),
                    o.dataDir().resolve("kafka"),
                    o.kafkaPort(),
                    o.kafkaControllerPort(),
                    o.kafkaInternalPort(),
                    o.credentials(),
                    o.startTimeout()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            keycloak.handle((k, t) -> {
                if (k != null) {
                    k.close();
                }
                return null;
            });
            throw e;
        }
        try {
            return new LocalStack(broker, keycloak.join(), o.credentials());
        } catch (CompletionException e) {
            broker.close();
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("Keycloak failed to start: " + cause.getMessage(), cause);
        }
    }

    /** {@code -Ddsx.stack.dir}, else the nearest {@code compose/target/stack} above the working directory. */
    public static Path locateStackDir() {
        String configured = System.getProperty("dsx.stack.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("compose/target/stack");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("compose/target/stack not found: build first (./mvnw -DskipTests install)"
                + " or pass -Ddsx.stack.dir");
    }

    /** Where clients connect; every connection needs a login ({@link #kafkaClientConfig()}). */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The gateway's Kafka login: the one principal that may read and write {@code dsx.*}. */
    public KafkaLogin gatewayKafkaLogin() {
        return broker.gatewayLogin();
    }

    /**
     * A Kafka client's settings (bootstrap servers and SASL) as the gateway's principal: what a test
     * uses to look at dsx's topics as the gateway sees them. Add serializers, group, isolation to it.
     */
    public Map<String, Object> kafkaClientConfig() {
        return new HashMap<>(broker.gatewayLogin().clientConfig());
    }

    public KafkaBroker broker() {
        return broker;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public StackCredentials credentials() {
        return credentials;
    }

    public Tokens tokens() {
        return new Tokens(keycloak.tokenEndpoint(), credentials);
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            keycloak.close();
        }
    }

    interface IoSupplier<T> {
        T get() throws IOException, InterruptedException;
    }

    static <T> T unchecked(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
