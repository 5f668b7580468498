package io.dsx.compose;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) started as a process from
 * the jars the build laid out in {@code compose/target/stack/kafka-libs}. Its log directory is
 * formatted on first start and reused afterwards, so a local run keeps its topics across restarts.
 *
 * <p>Locked down as a production cluster is (DESIGN §3.2: nobody but the gateway touches dsx's
 * topics). Three loopback listeners, all SASL: {@code CLIENT} (SCRAM-SHA-512, the only one clients
 * use), {@code BROKER} (inter-broker) and {@code CONTROLLER} (PLAIN as the broker's own identity:
 * KRaft cannot use SCRAM there, its credentials live in the metadata the controller serves). The
 * standard KRaft authorizer denies whatever no ACL allows; the broker's principal is the only super
 * user; {@link KafkaAcls} gives the gateway's principal {@code dsx.*} and nothing else. Passwords come
 * from {@link StackCredentials} (generated, owner-only) and reach the broker through its owner-only
 * configuration file, never its command line.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String BROKER_USER = "dsx-broker";
    public static final String GATEWAY_USER = "dsx-gateway";

    private final ManagedProcess process;
    private final Options options;

    private KafkaBroker(ManagedProcess process, Options options) {
        this.process = process;
        this.options = options;
    }

    /**
     * @param port         the SCRAM client listener (the bootstrap address)
     * @param internalPort the broker's own listener (inter-broker traffic and provisioning)
     */
    public record Options(
            Path libsDir,
            Path dataDir,
            int port,
            int controllerPort,
            int internalPort,
            StackCredentials credentials,
            Duration startTimeout) {
        @Override
        public String toString() {
            return "KafkaBroker.Options[" + dataDir + ", ports " + port + "/" + controllerPort + "/" + internalPort
                    + "]";
        }
    }

    public static KafkaBroker start(Options options) throws IOException, InterruptedException {
        Path libs = options.libsDir();
        if (!Files.isDirectory(libs)) {
            throw new IOException(
                    "Kafka broker jars not found in " + libs + " (build first: ./mvnw -DskipTests install)");
        }
        Path dataDir = OwnerOnly.directories(options.dataDir());
        Path config = writeServerProperties(dataDir, options);
        writeAdminClientConfig(dataDir, superLogin(options));
        Path log4j = writeLog4jConfig(dataDir);
        String classpath = libs.toAbsolutePath() + "/*";
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            OwnerOnly.directories(dataDir.resolve("logs"));
            List<String> format = javaCommand(classpath, log4j, "512m");
            format.addAll(List.of(
                    "kafka.tools.StorageTool",
                    "format",
                    "--standalone",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    config.toString()));
            ManagedProcess.runToCompletion(
                    "kafka-storage-format",
                    format,
                    dataDir,
                    Map.of(),
                    dataDir.resolve("format.log"),
                    Duration.ofMinutes(2));
        }
        List<String> server = javaCommand(classpath, log4j, "1g");
        server.addAll(List.of("kafka.Kafka", config.toString()));
        ManagedProcess process =
                ManagedProcess.start("kafka", server, dataDir, Map.of(), dataDir.resolve("broker.log"));
        KafkaBroker broker = new KafkaBroker(process, options);
        try {
            broker.awaitReady(options.startTimeout());
            broker.provisionGateway(options.startTimeout());
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

    private static Path writeServerProperties(Path dataDir, Options o) throws IOException {
        String host = "127.0.0.1:";
        String brokerPassword = o.credentials().get(StackCredentials.KAFKA_BROKER_PASSWORD);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                + "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword + "\";";
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", host + o.controllerPort());
        p.setProperty(
                "listeners",
                "CLIENT://" + host + o.port() + ",BROKER://" + host + o.internalPort() + ",CONTROLLER://" + host
                        + o.controllerPort());
        p.setProperty("advertised.listeners", "CLIENT://" + host + o.port() + ",BROKER://" + host + o.internalPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "BROKER");
        p.setProperty(
                "listener.security.protocol.map",
                "CLIENT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("listener.name.client.sasl.enabled.mechanisms", KafkaLogin.MECHANISM);
        p.setProperty(
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        for (String listener : List.of("broker", "controller")) {
            p.setProperty("listener.name." + listener + ".sasl.enabled.mechanisms", "PLAIN");
            p.setProperty("listener.name." + listener + ".plain.sasl.jaas.config", plain);
        }
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        p.setProperty("super.users", "User:" + BROKER_USER);
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.backoff.ms", "1000"); // a compacted topic is cleaned soon after it is dirty
        for (String internal : List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
            p.setProperty(internal + ".replication.factor", "1");
            p.setProperty(internal + ".min.isr", "1");
        }
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("offsets.topic.num.partitions", "4");
        Path file = dataDir.resolve("server.properties");
        OwnerOnly.createFile(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "dsx local single-node KRaft broker: SASL on loopback, ACLs, owner-readable only");
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
        OwnerOnly.createFile(file);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** The broker's own (super user) login at its BROKER listener: for provisioning and operators' tools. */
    private static Map<String, Object> superLogin(Options options) {
        String password = options.credentials().get(StackCredentials.KAFKA_BROKER_PASSWORD);
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + options.internalPort());
        config.put("security.protocol", KafkaLogin.SECURITY_PROTOCOL);
        config.put("sasl.mechanism", "PLAIN");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                        + "\" password=\"" + password + "\";");
        return config;
    }

    /** Kafka's admin tools' {@code --command-config} for the broker's own login (owner-only file). */
    private static void writeAdminClientConfig(Path dataDir, Map<String, Object> login) throws IOException {
        Properties p = new Properties();
        login.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        Path file = dataDir.resolve("admin-client.properties");
        OwnerOnly.createFile(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "the broker's own super-user login, for Kafka's admin tools (--command-config); owner-only");
        }
    }

    /**
     * The broker's own (super user) admin client settings: what an operator's tools use to change a
     * topic's configuration, which the gateway's principal may not (tests simulate an operator with it).
     */
    public Map<String, Object> operatorAdminConfig() {
        return superLogin(options);
    }

    private Admin superAdmin() {
        Map<String, Object> config = superLogin(options);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(config);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        // the broker accepts connections before it has joined its own quorum: ask for the cluster's nodes
        Readiness.await(process, timeout, () -> {
            if (!Ports.isListening(options.port())) {
                return false;
            }
            try (Admin admin = superAdmin()) {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            }
        });
    }

    /** Gives the gateway's principal its SCRAM credential and its ACLs (idempotent: every start). */
    private void provisionGateway(Duration timeout) throws IOException, InterruptedException {
        KafkaLogin gateway = gatewayLogin();
        try (Admin admin = superAdmin()) {
            upsertScram(admin, gateway);
            admin.createAcls(KafkaAcls.gateway(GATEWAY_USER)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not provision the gateway's Kafka principal: " + e.getMessage(), e);
        }
        awaitLogin(gateway, timeout);
    }

    /**
     * Creates (or re-keys) a SCRAM principal with no ACLs at all and waits until the broker accepts it.
     * Tests use it for "a valid login of someone else".
     */
    public KafkaLogin addUser(String user, String password) throws IOException, InterruptedException {
        KafkaLogin login = new KafkaLogin(bootstrapServers(), user, password);
        if (BROKER_USER.equals(user) || GATEWAY_USER.equals(user)) {
            throw new IllegalArgumentException(user + " is reserved");
        }
        try (Admin admin = superAdmin()) {
            upsertScram(admin, login);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not add Kafka user " + user + ": " + e.getMessage(), e);
        }
        awaitLogin(login, options.startTimeout());
        return login;
    }

    /**
     * Changes a topic's configuration as the broker's own principal, as an operator does with Kafka's
     * admin tools (the gateway's principal may not): e.g. tests that make the log cleaner compact now.
     */
    public void alterTopicConfig(String topic, Map<String, String> configs) throws IOException, InterruptedException {
        org.apache.kafka.common.config.ConfigResource resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        List<org.apache.kafka.clients.admin.AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new org.apache.kafka.clients.admin.AlterConfigOp(
                        new org.apache.kafka.clients.admin.ConfigEntry(e.getKey(), e.getValue()),
                        org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET))
                .toList();
        try (Admin admin = superAdmin()) {
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not alter " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void upsertScram(Admin admin, KafkaLogin login)
            throws ExecutionException, TimeoutException, InterruptedException {
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                        login.user(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), login.password())))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    /** The controller commits a credential before the broker applies it: wait until it authenticates. */
    private void awaitLogin(KafkaLogin login, Duration timeout) throws IOException, InterruptedException {
        Map<String, Object> config = new HashMap<>(login.clientConfig());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        Readiness.await(process, timeout, () -> {
            try (Admin admin = Admin.create(config)) {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            }
        });
    }

    /** The gateway's login: the one principal allowed to read and write {@code dsx.*}. */
    public KafkaLogin gatewayLogin() {
        return new KafkaLogin(
                bootstrapServers(), GATEWAY_USER, options.credentials().get(StackCredentials.KAFKA_GATEWAY_PASSWORD));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + options.port();
    }

    /** The broker's log directory ({@code log.dirs}): every byte it stores is under it. */
    public java.nio.file.Path logDir() {
        return options.dataDir().resolve("logs");
    }

    public int port() {
        return options.port();
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
