package io.dsx.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) started as a process from
 * the jars the build laid out in {@code compose/target/stack/kafka-libs}. Its log directory is
 * formatted on first start and reused afterwards, so a local run keeps its topics across restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public record Options(Path libsDir, Path dataDir, int port, int controllerPort, Duration startTimeout) {
    }

    public static KafkaBroker start(Options options) throws IOException, InterruptedException {
        Path libs = options.libsDir();
        if (!Files.isDirectory(libs)) {
            throw new IOException("Kafka broker jars not found in " + libs
                    + " (build first: ./mvnw -DskipTests install)");
        }
        Path dataDir = Files.createDirectories(options.dataDir());
        Path config = writeServerProperties(dataDir, options.port(), options.controllerPort());
        Path log4j = writeLog4jConfig(dataDir);
        String classpath = libs.toAbsolutePath() + "/*";
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            List<String> format = javaCommand(classpath, log4j, "512m");
            format.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone",
                    "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            ManagedProcess.runToCompletion("kafka-storage-format", format, dataDir, Map.of(),
                    dataDir.resolve("format.log"), Duration.ofMinutes(2));
        }
        List<String> server = javaCommand(classpath, log4j, "1g");
        server.addAll(List.of("kafka.Kafka", config.toString()));
        ManagedProcess process = ManagedProcess.start("kafka", server, dataDir, Map.of(),
                dataDir.resolve("broker.log"));
        KafkaBroker broker = new KafkaBroker(process, options.port());
        try {
            broker.awaitReady(options.startTimeout());
        } catch (IOException | InterruptedException | RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static List<String> javaCommand(String classpath, Path log4j, String heap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaRuntime.javaExecutable());
        cmd.add("-Xms256m");
        cmd.add("-Xmx" + heap);
        cmd.add("-Dlog4j2.configurationFile=" + log4j);
        cmd.add("-cp");
        cmd.add(classpath);
        return cmd;
    }

    private static Path writeServerProperties(Path dataDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        for (String internal : List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
            p.setProperty(internal + ".replication.factor", "1");
            p.setProperty(internal + ".min.isr", "1");
        }
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("offsets.topic.num.partitions", "4");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "dsx local single-node KRaft broker (PLAINTEXT on loopback only: local use)");
        }
        return file;
    }

    private static Path writeLog4jConfig(Path dataDir) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="out" target="SYSTEM_OUT">
                      <PatternLayout pattern="%d{ISO8601} %-5p [%c{1}] %m%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    <Root level="WARN"><AppenderRef ref="out"/></Root>
                  </Loggers>
                </Configuration>
                """;
        Path file = dataDir.resolve("log4j2.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        // the broker accepts connections before it has joined its own quorum: ask for the cluster's nodes
        Readiness.await(process, timeout, () -> {
            if (!Ports.isListening(port)) {
                return false;
            }
            try (Admin admin = Admin.create(config)) {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            }
        });
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
