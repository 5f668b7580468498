package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.compose.KafkaLogin;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.gateway.kafka.Topics;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.2: nobody but the gateway reads or writes dsx's topics. Against the run's real broker
 * (SASL/SCRAM, the standard KRaft authorizer, no access where no ACL matches): a client without a
 * login, and a client with a valid login of another principal, read nothing of {@code dsx.data.*},
 * {@code dsx.keys}, {@code dsx.ledger} and write nothing to {@code dsx.catalog}; each topic holds
 * records the gateway's own login does read, so an empty answer cannot pass for a refusal.
 */
class KafkaAccessIT extends GatewayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(4);
    private static String dataTopic;
    private static KafkaLogin outsider;

    @BeforeEach
    void oneContributionAndAnOutsider() throws Exception {
        synchronized (KafkaAccessIT.class) {
            if (dataTopic == null) {
                dataTopic = Topics.data(contributeOnce());
                byte[] password = new byte[24];
                new SecureRandom().nextBytes(password);
                outsider = stack().broker()
                        .addUser(
                                "it-outsider",
                                Base64.getUrlEncoder().withoutPadding().encodeToString(password));
            }
        }
    }

    @Test
    void theGatewaysOwnLoginReadsEveryProtectedTopic() {
        for (String topic : List.of(dataTopic, Topics.KEYS, Topics.LEDGER, Topics.CATALOG)) {
            assertThat(readFirst(stack().kafkaClientConfig(), topic)).as(topic).isNotEmpty();
        }
    }

    @Test
    void aClientWithoutLoginCannotReadTheDataTopic() {
        assertAnonymousReadsNothing(dataTopic);
    }

    @Test
    void aClientWithoutLoginCannotReadTheKeys() {
        assertAnonymousReadsNothing(Topics.KEYS);
    }

    @Test
    void aClientWithoutLoginCannotReadTheLedger() {
        assertAnonymousReadsNothing(Topics.LEDGER);
    }

    @Test
    void aClientWithoutLoginCannotWriteTheCatalog() throws Exception {
        long before = catalogEnd();
        Map<String, Object> config = anonymous();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        assertThatThrownBy(() -> write(config, Topics.CATALOG)).isInstanceOf(Exception.class);
        assertThat(catalogEnd()).isEqualTo(before);
    }

    @Test
    void anotherPrincipalCannotReadTheDataTopic() {
        assertOutsiderRefused(dataTopic);
    }

    @Test
    void anotherPrincipalCannotReadTheKeys() {
        assertOutsiderRefused(Topics.KEYS);
    }

    @Test
    void anotherPrincipalCannotReadTheLedger() {
        assertOutsiderRefused(Topics.LEDGER);
    }

    @Test
    void anotherPrincipalCannotWriteTheCatalog() throws Exception {
        long before = catalogEnd();
        assertThatThrownBy(() -> write(outsider.clientConfig(), Topics.CATALOG))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AuthorizationException.class));
        assertThat(catalogEnd()).isEqualTo(before);
    }

    @Test
    void anotherPrincipalCannotCreateATopicOrGrantItselfAccess() throws Exception {
        try (Admin admin = Admin.create(outsider.clientConfig())) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("dsx.data.outsider", 1, (short) 1)))
                            .all()
                            .get())
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AuthorizationException.class));
            var acls = io.dsx.compose.KafkaAcls.gateway(outsider.user());
            assertThatThrownBy(() -> admin.createAcls(acls).all().get())
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AuthorizationException.class));
        }
    }

    @Test
    void aWrongPasswordForTheGatewaysPrincipalIsRefused() {
        Map<String, Object> config = new KafkaLogin(
                        stack().bootstrapServers(), "dsx-gateway", "not-the-gateway-password-0123456789")
                .clientConfig();
        assertThatThrownBy(() -> readFirst(config, Topics.LEDGER))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(SaslAuthenticationException.class));
    }

    private void assertAnonymousReadsNothing(String topic) {
        // a plaintext client at a SASL listener is disconnected before any request is served: it
        // either fails or times out, and never sees a record
        List<byte[]> seen;
        try {
            seen = readFirst(anonymous(), topic);
        } catch (KafkaException refused) {
            seen = List.of();
        }
        assertThat(seen).isEmpty();
        assertThat(readFirst(stack().kafkaClientConfig(), topic))
                .as("the gateway reads " + topic)
                .isNotEmpty();
    }

    private void assertOutsiderRefused(String topic) {
        assertThatThrownBy(() -> readFirst(outsider.clientConfig(), topic))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AuthorizationException.class));
    }

    private Map<String, Object> anonymous() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", stack().bootstrapServers());
        return config;
    }

    /** Reads partition 0 of {@code topic} from the beginning for a few seconds; the values seen. */
    private static List<byte[]> readFirst(Map<String, Object> login, String topic) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    return records.records(p0).stream().map(r -> r.value()).toList();
                }
            }
            return List.of();
        }
    }

    private static void write(Map<String, Object> login, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis() / 2);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(
                            topic,
                            "dataset:forged".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            new byte[] {1, 2, 3}))
                    .get();
        }
    }

    private long catalogEnd() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("read_uncommitted")) {
            TopicPartition p0 = new TopicPartition(Topics.CATALOG, 0);
            return consumer.endOffsets(List.of(p0)).get(p0);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t.getCause() != null && !(t instanceof KafkaException))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Registers a dataset and sends it one contribution: a data topic, a DEK and a ledger entry. */
    private String contributeOnce() throws Exception {
        InstitutionCredentials creds = enrol("hospital-a");
        String dataset = registerDataset("hospital-a", ContributionIT.SCHEMA);
        DatasetSchema schema = DatasetSchema.parse(ContributionIT.SCHEMA);
        GenericRecord record = new GenericData.Record(schema.avro());
        record.put("patient", "kafka-access-" + System.nanoTime());
        record.put("age", 50);
        record.put("diagnosis", "I10");
        byte[] envelope = new ContributionBuilder(Clock.systemUTC(), new SecureRandom())
                .build(
                        new ContributionBuilder.Target(
                                "hospital-a", dataset, schema, 1, gatewayHpkeKey(), creds.signingKey(), creds.keyId()),
                        List.of(record))
                .toBytes();
        var accepted = send(
                "POST",
                "/v1/datasets/" + dataset + "/contributions",
                stack().tokens().forInstitution("hospital-a"),
                ContributionIT.MEDIA,
                envelope);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        return dataset;
    }
}
