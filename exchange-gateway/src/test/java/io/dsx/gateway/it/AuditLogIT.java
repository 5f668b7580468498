package io.dsx.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsx.gateway.audit.AuditKeys;
import io.dsx.gateway.audit.AuditLog;
import io.dsx.gateway.audit.AuditSettings;
import io.dsx.gateway.config.ExchangeConfig.KafkaClients;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.TransientFailure;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import io.dsx.schemas.audit.AuditVerifier;
import io.dsx.schemas.audit.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log against the run's real broker: durable appends, checkpoints, two writers, fencing. */
class AuditLogIT extends GatewayIT {

    @Autowired
    AuditLog gatewayLog;

    @Autowired
    AuditKeys keys;

    @Autowired
    KafkaClients clients;

    private static AuditEvent event(String what, int i) {
        return AuditEvent.action(
                Instant.now(),
                "{\"n\":" + i + "}",
                Map.of("gateway", "audit-it", "version", "test"),
                AuditDetail.of("test." + what, "subject-" + i, AuditOutcome.ALLOWED));
    }

    private AuditLog writer(int partition) {
        AuditSettings settings = new AuditSettings(
                partition, 100, Duration.ofSeconds(1), null, keys.keyName(), 4096, 65536, Duration.ofSeconds(20));
        return AuditLog.kafka(settings, keys, clients.base(), Clock.systemUTC());
    }

    private List<byte[]> read(String topic, int partition) {
        Map<String, Object> config = new HashMap<>(clients.base());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals(0, r.headers().toArray().length, "no headers on audit records");
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    private Verdict verify(String origin, int partition) {
        AuditVerifier verifier = new AuditVerifier(origin, keys.verifierKey(), true);
        read(Topics.AUDIT, partition).forEach(verifier::accept);
        List<String> notes = read(Topics.AUDIT_CHECKPOINTS, partition).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList();
        return verifier.finish(notes, null);
    }

    /** 8 threads, spread over {@code logs}, each appending {@code each} events; returns when all are committed. */
    private static void appendConcurrently(List<AuditLog> logs, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AuditLog log = logs.get(t % logs.size());
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.append(event("append", thread * 1000 + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theGatewaysOwnLogIsDurableAndVerifies() throws Exception {
        long before = gatewayLog.size();
        appendConcurrently(List.of(gatewayLog), 50);
        // every append returned, so every event is committed: a read_committed reader sees them all now
        Verdict v = verify(gatewayLog.origin(), gatewayLog.partition());
        assertTrue(v.ok(), v.toString());
        assertTrue(v.events() >= before + 400, v.toString());
    }

    @Test
    void twoWritersAtOnceOnTwoPartitionsAndAThirdFencingTheFirst() throws Exception {
        try (AuditLog a = writer(13);
                AuditLog b = writer(14)) {
            appendConcurrently(List.of(a, b), 150);
            long sizeA = a.size();
            try (AuditLog takeover = writer(13)) {
                assertEquals(sizeA, takeover.size(), "the new writer recovers the whole log");
                TransientFailure fenced = assertThrows(TransientFailure.class, () -> a.append(event("late", 1)));
                assertEquals(Refusal.Code.AUDIT_UNAVAILABLE, fenced.code());
                assertEquals(sizeA, takeover.append(event("takeover", 1)).seq());
            }
            for (AuditLog log : List.of(a, b)) {
                Verdict v = verify(log.origin(), log.partition());
                assertTrue(v.ok(), v.toString());
                assertTrue(v.latest() != null && v.latest().treeSize() >= 100, v.toString());
            }
            assertEquals(sizeA + 1, verify(a.origin(), 13).events());
        }
    }
}
