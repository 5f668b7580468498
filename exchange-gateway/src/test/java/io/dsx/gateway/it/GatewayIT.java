package io.dsx.gateway.it;

import io.dsx.compose.LocalStack;
import io.dsx.compose.SharedStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the real gateway on a random port, wired to the run's real broker and
 * real Keycloak (started once for the whole run by {@link SharedStack}). All subclasses share one
 * Spring context.
 */
@org.springframework.context.annotation.Import(GatewayIT.Faults.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dsx.security.clock-skew=0s",
            "server.address=127.0.0.1",
            "dsx.ingest.max-contribution-bytes=8388608",
            "spring.kafka.properties.reconnect.backoff.max.ms=1001",
            "management.server.port=0"
        })
public abstract class GatewayIT {

    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    /** Health and metrics: their own port, on loopback. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        LocalStack stack = SharedStack.get();
        // the gateway's Kafka login (SASL/SCRAM), as an operator gives it: spring.kafka.* settings
        stack.gatewayKafkaLogin().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("dsx.security.issuer-uri", () -> stack.keycloak().issuer());
        registry.add(
                "dsx.keys.gateway-keystore",
                () -> KEY_DIR.resolve("gateway-keys.p12").toString());
        registry.add("dsx.keys.kms-keystore", () -> KEY_DIR.resolve("kms.p12").toString());
        registry.add("dsx.keys.password", () -> "it-" + KEY_DIR.getFileName());
        registry.add(
                "dsx.jobs.token-keystore",
                () -> KEY_DIR.resolve("job-token-keys.p12").toString());
        registry.add(
                "dsx.dataplane.mask-keystore",
                () -> KEY_DIR.resolve("mask-keys.p12").toString());
    }

    private static final java.nio.file.Path KEY_DIR = tempDir();

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("dsx-it-keys-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Audit partitions of the run: the shared context writes 0; each gateway {@link #startAnotherGateway} starts
     * writes the next one from 1 (a second writer of one partition would fence the first: one writer per log);
     * GatewayCrashIT's gateway process writes {@link #CRASH_AUDIT_PARTITION}; AuditLogIT's own writers the
     * ones above it.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_AUDIT_PARTITION =
            new java.util.concurrent.atomic.AtomicInteger(1);

    public static final int CRASH_AUDIT_PARTITION = 12;

    /**
     * Another gateway on the run's broker and Keycloak, sharing this one's key stores (as gateways
     * behind one load balancer share their KMS); it rebuilds its views from Kafka. Close it when done.
     */
    protected static org.springframework.context.ConfigurableApplicationContext startAnotherGateway(
            String name, String... settings) {
        int auditPartition = NEXT_AUDIT_PARTITION.getAndIncrement();
        if (auditPartition >= CRASH_AUDIT_PARTITION) {
            throw new IllegalStateException("more second gateways than audit partitions set aside for them");
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--dsx.name=" + name,
                "--dsx.audit.partition=" + auditPartition,
                "--spring.kafka.bootstrap-servers=" + stack().bootstrapServers(),
                "--dsx.security.issuer-uri=" + stack().keycloak().issuer(),
                "--dsx.keys.gateway-keystore=" + KEY_DIR.resolve("gateway-keys.p12"),
                "--dsx.keys.kms-keystore=" + KEY_DIR.resolve("kms.p12"),
                "--dsx.keys.password=it-" + KEY_DIR.getFileName(),
                "--dsx.jobs.token-keystore=" + KEY_DIR.resolve("job-token-keys.p12"),
                "--dsx.dataplane.mask-keystore=" + KEY_DIR.resolve("mask-keys.p12"),
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        // the Kafka login as settings, not arguments (a real second gateway reads them from a file)
        return new org.springframework.boot.builder.SpringApplicationBuilder(io.dsx.gateway.GatewayApplication.class)
                .properties(new HashMap<>(stack().gatewayKafkaLogin().springProperties()))
                .run(args.toArray(String[]::new));
    }

    protected static String baseUrl(org.springframework.context.ConfigurableApplicationContext gateway) {
        return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    /** The one fault seam of the run: tests arm it to abort the next contribution before commit. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Faults {
        @org.springframework.context.annotation.Bean
        SwitchableFaults switchableFaults() {
            return new SwitchableFaults();
        }
    }

    protected static LocalStack stack() {
        return SharedStack.get();
    }

    protected HttpResponse<String> send(String method, String path, String bearer, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postJson(String path, String bearer, String json)
            throws IOException, InterruptedException {
        return send("POST", path, bearer, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Gives {@code institution} a fresh Ed25519 signing key registered with the gateway: registers the
     * institution on first use, adds the key afterwards (test classes share one gateway and catalog).
     */
    protected io.dsx.crypto.keys.InstitutionCredentials enrol(String institution) throws Exception {
        io.dsx.crypto.keys.InstitutionCredentials creds = io.dsx.crypto.keys.InstitutionKeys.generate(
                io.dsx.crypto.sign.SignatureAlgorithm.ED25519,
                "CN=" + institution + ",O=dsx test",
                Duration.ofDays(30),
                java.time.Clock.systemUTC(),
                new java.security.SecureRandom());
        String pem = io.dsx.crypto.keys.Pem.writeCertificate(creds.certificate());
        String operator = stack().tokens().forUser("operator");
        HttpResponse<String> created = postJson(
                "/v1/admin/institutions",
                operator,
                JSON.writeValueAsString(Map.of("id", institution, "name", institution, "certificates", List.of(pem))));
        if (created.statusCode() == 409) {
            created = postJson(
                    "/v1/admin/institutions/" + institution + "/keys",
                    operator,
                    JSON.writeValueAsString(Map.of("certificate", pem)));
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("enrolment of " + institution + " failed: " + created.body());
        }
        return creds;
    }

    /** Registers a dataset of {@code institution} with a unique id; returns the id. */
    protected String registerDataset(String institution, String schemaJson) throws Exception {
        String id = "ds-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = postJson(
                "/v1/datasets",
                stack().tokens().forInstitution(institution),
                "{\"id\":\"" + id + "\",\"title\":\"test dataset\",\"description\":\"\",\"duo\":[\"DUO:0000042\"],"
                        + "\"schema\":" + schemaJson + "}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("dataset registration failed: " + r.body());
        }
        return id;
    }

    /** The gateway's current HPKE key, as a contributor reads it from /.well-known/dsx. */
    protected io.dsx.crypto.hpke.HpkePublicKey gatewayHpkeKey() throws Exception {
        tools.jackson.databind.JsonNode doc =
                JSON.readTree(get("/.well-known/dsx", null).body());
        String current = doc.get("currentHpkeKeyId").asText();
        for (tools.jackson.databind.JsonNode k : doc.get("hpkeKeys")) {
            if (k.get("keyId").asText().equals(current)) {
                return io.dsx.crypto.hpke.HpkePublicKey.of(java.util.Base64.getUrlDecoder()
                        .decode(k.get("publicKey").asText()));
            }
        }
        throw new IllegalStateException("no current HPKE key published");
    }

    protected static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    protected HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return get("http://127.0.0.1:" + port, path, bearer);
    }

    /** A GET to another base URL (another gateway, or this one's management port). */
    protected static HttpResponse<String> get(String base, String path, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- reading the broker as an auditor would (with the gateway's login: no one else may), from the beginning ----

    protected List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** A problem+json answer with this status and stable code. */
    protected static void assertProblem(HttpResponse<String> r, int status, String code) {
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        ct -> org.assertj.core.api.Assertions.assertThat(ct).startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(
                        JSON.readTree(r.body()).get("code").asText())
                .isEqualTo(code);
    }

    /** End offsets of every partition of every dsx topic but the audit log's (refusals are audited). */
    protected Map<TopicPartition, Long> endOffsets() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin =
                        org.apache.kafka.clients.admin.Admin.create(stack().kafkaClientConfig());
                KafkaConsumer<byte[], byte[]> consumer = consumer("read_uncommitted")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith("dsx.") && !topic.startsWith(io.dsx.gateway.kafka.Topics.AUDIT)) {
                    consumer.partitionsFor(topic)
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** The ledger entry of a contribution, read from {@code dsx.ledger}. */
    protected io.dsx.schemas.events.LedgerEntry ledgerEntry(String contributionId) throws Exception {
        for (ConsumerRecord<byte[], byte[]> r : readAll("dsx.ledger")) {
            if (new String(r.key(), StandardCharsets.UTF_8).equals(contributionId)) {
                return io.dsx.schemas.events.LedgerEntry.parse(r.value());
            }
        }
        throw new AssertionError("no ledger entry for " + contributionId);
    }

    /** Every record of a committed contribution, read back by the positions its ledger entry gives. */
    protected List<io.dsx.schemas.record.FramedRecord> storedRecords(
            io.dsx.gateway.keys.GatewayKeys keys, io.dsx.schemas.events.LedgerEntry entry) throws Exception {
        try (io.dsx.gateway.stored.SegmentReader reader = new io.dsx.gateway.stored.SegmentReader(
                stack().kafkaClientConfig(), keys.deks(), Duration.ofSeconds(30))) {
            return reader.records(entry);
        }
    }

    protected KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Map<String, Object> config = stack().kafkaClientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    protected static Map<String, byte[]> headerMap(ConsumerRecord<byte[], byte[]> r) {
        Map<String, byte[]> m = new HashMap<>();
        for (Header h : r.headers()) {
            m.put(h.key(), h.value());
        }
        return m;
    }

    protected static String headersText(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder s = new StringBuilder();
        for (Header h : r.headers()) {
            s.append(h.key()).append(new String(h.value(), StandardCharsets.ISO_8859_1));
        }
        return s.toString();
    }
}
