package io.dsx.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.TransientFailure;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import io.dsx.schemas.audit.AuditTree;
import io.dsx.schemas.audit.AuditVerifier;
import io.dsx.schemas.audit.ChainedEvent;
import io.dsx.schemas.audit.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AuditLog} over MockProducers; the recovery reads what the mock producers committed. */
class AuditLogTest {

    private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();
    private final AuditKeys keys = new AuditKeys("dsx-audit", seed(1), seed(2));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneOffset.UTC);
    private final List<AuditLog> logs = new ArrayList<>();

    @AfterEach
    void close() {
        logs.forEach(AuditLog::close);
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) b);
        return s;
    }

    private AuditLog open(int checkpointEvery) {
        AuditSettings settings = new AuditSettings(
                3, checkpointEvery, Duration.ofHours(1), null, "dsx-audit", 64, 10_000, Duration.ofSeconds(10));
        AuditLog log = new AuditLog(
                settings,
                keys,
                () -> {
                    MockProducer<byte[], byte[]> p =
                            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
                    producers.add(p);
                    return p;
                },
                this::recover,
                clock);
        logs.add(log);
        return log;
    }

    private synchronized List<ProducerRecord<byte[], byte[]>> committed(String topic) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (MockProducer<byte[], byte[]> p : producers) {
            p.history().stream().filter(r -> r.topic().equals(topic)).forEach(out::add);
        }
        return out;
    }

    private AuditLog.Recovered recover(String origin) {
        AuditTree tree = new AuditTree();
        byte[] prev = AuditChain.genesis(origin);
        List<ProducerRecord<byte[], byte[]>> events = committed(Topics.AUDIT);
        for (ProducerRecord<byte[], byte[]> r : events) {
            tree.append(r.value());
            prev = AuditChain.link(r.value());
        }
        long checkpointed = committed(Topics.AUDIT_CHECKPOINTS).isEmpty() ? -1 : events.size();
        return new AuditLog.Recovered(events.size(), prev, tree, checkpointed);
    }

    private static AuditEvent event(int i) {
        return AuditEvent.action(
                Instant.parse("2026-12-08T03:00:00Z"),
                "{\"i\":" + i + "}",
                Map.of("gateway", "gw-test", "version", "test"),
                AuditDetail.of("test.append", "subject-" + i, AuditOutcome.ALLOWED));
    }

    private Verdict verify(String origin) {
        AuditVerifier verifier = new AuditVerifier(origin, keys.verifierKey(), true);
        for (ProducerRecord<byte[], byte[]> r : committed(Topics.AUDIT)) {
            verifier.accept(r.value());
        }
        List<String> notes = committed(Topics.AUDIT_CHECKPOINTS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        return verifier.finish(notes, null);
    }

    @Test
    void concurrentAppendsEachGetTheirOwnSeqAndTheLogVerifies() throws Exception {
        AuditLog log = open(50);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    seqs.add(log.append(event(thread * 1000 + i)).seq());
                }
                return seqs;
            }));
        }
        Set<Long> seen = new HashSet<>();
        for (Future<List<Long>> f : results) {
            seen.addAll(f.get());
        }
        pool.shutdown();
        assertEquals(640, seen.size());
        assertEquals(
                Set.copyOf(java.util.stream.LongStream.range(0, 640).boxed().toList()), seen);
        assertEquals(640, log.size());
        List<ProducerRecord<byte[], byte[]>> events = committed(Topics.AUDIT);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(3, events.get(i).partition());
            assertEquals(i, java.nio.ByteBuffer.wrap(events.get(i).key()).getLong());
            assertTrue(events.get(i).headers().toArray().length == 0);
        }
        Verdict v = verify(log.origin());
        assertTrue(v.ok(), v.toString());
        assertEquals(640, v.events());
        assertTrue(committed(Topics.AUDIT_CHECKPOINTS).size() >= 640 / 50 / 2, "checkpoints are signed as it grows");
    }

    @Test
    void aCheckpointIsSignedEveryNEventsInTheTransactionThatReachesN() {
        AuditLog log = open(10);
        for (int i = 0; i < 25; i++) {
            log.append(event(i));
        }
        List<String> notes = committed(Topics.AUDIT_CHECKPOINTS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).startsWith("dsx-audit/3\n10\n"), notes.get(0));
        assertTrue(notes.get(1).startsWith("dsx-audit/3\n20\n"), notes.get(1));
        Verdict v = verify(log.origin());
        assertTrue(v.ok(), v.toString());
        assertEquals(20, v.latest().treeSize());
        assertEquals(5, v.uncovered());
    }

    @Test
    void aFailedCommitFailsTheAppendAndTheNextOneContinuesTheChainFromWhatWasCommitted() {
        AuditLog log = open(1000);
        assertEquals(0, log.append(event(0)).seq());
        producers.get(0).commitTransactionException = new KafkaException("broker went away");
        TransientFailure failure = assertThrows(TransientFailure.class, () -> log.append(event(1)));
        assertEquals(Refusal.Code.AUDIT_UNAVAILABLE, failure.code());
        assertEquals(1, committed(Topics.AUDIT).size());
        ChainedEvent next = log.append(event(2));
        assertEquals(1, next.seq(), "the failed event took no position");
        assertEquals(2, producers.size(), "a fresh producer after the failure");
        assertTrue(verify(log.origin()).ok());
    }

    @Test
    void aFencedWriterFailsEveryAppendFromThenOn() {
        AuditLog log = open(1000);
        log.append(event(0));
        producers.get(0).fenceProducer();
        assertThrows(TransientFailure.class, () -> log.append(event(1)));
        TransientFailure again = assertThrows(TransientFailure.class, () -> log.append(event(2)));
        assertEquals(Refusal.Code.AUDIT_UNAVAILABLE, again.code());
        assertEquals(1, committed(Topics.AUDIT).size());
        assertEquals(1, producers.size(), "a fenced writer does not fence back");
    }

    @Test
    void aRestartedWriterContinuesTheLog() {
        AuditLog first = open(4);
        for (int i = 0; i < 6; i++) {
            first.append(event(i));
        }
        first.close();
        assertThrows(TransientFailure.class, () -> first.append(event(99)));
        AuditLog second = open(4);
        assertEquals(6, second.size());
        assertEquals(6, second.append(event(6)).seq());
        Verdict v = verify(second.origin());
        assertTrue(v.ok(), v.toString());
        assertEquals(7, v.events());
    }

    @Test
    void anEventTooLargeToEncodeFailsOnlyItsOwnAppend() {
        AuditLog log = open(1000);
        String big = "x".repeat(490);
        List<String> fields = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            fields.add(big + i);
        }
        for (int i = 0; i < 8192; i++) {
            served.add(keys.subjectHash("ds", "s" + i));
        }
        AuditEvent huge = AuditEvent.action(
                Instant.parse("2026-12-08T03:00:00Z"),
                "{}",
                Map.of(),
                AuditDetail.of("test.append", "s", AuditOutcome.ALLOWED)
                        .withRelease(fields, 1L, null)
                        .withSubjectsServed(served));
        assertThrows(IllegalArgumentException.class, () -> log.append(huge));
        assertEquals(0, log.append(event(1)).seq());
        assertFalse(committed(Topics.AUDIT).isEmpty());
    }

    @Test
    void subjectHashesAreKeyedPerDataset() {
        String a = keys.subjectHash("ds-1", "patient-7");
        assertEquals(a, new AuditKeys("other-name", seed(9), seed(2)).subjectHash("ds-1", "patient-7"));
        assertFalse(a.equals(keys.subjectHash("ds-2", "patient-7")));
        assertFalse(a.equals(new AuditKeys("dsx-audit", seed(1), seed(3)).subjectHash("ds-1", "patient-7")));
        assertTrue(a.matches("[0-9a-f]{64}"));
        assertFalse(a.contains("patient"));
    }
}
