package io.dsx.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.dek.WrappedDek;
import io.dsx.crypto.hpke.HpkeKeyPair;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.gateway.kafka.Topics;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Group commit against Kafka's MockProducer: who shares a transaction, and all-or-nothing per group. */
class GroupWriterTest {

    private static DatasetSchema SCHEMA;
    private static ContributionBuilder.Target TARGET;

    @BeforeAll
    static void keys() throws Exception {
        SCHEMA = DatasetSchema.parse("""
                {"type":"record","name":"R","namespace":"t","fields":[
                  {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true}]}""");
        InstitutionCredentials creds = InstitutionKeys.generate(SignatureAlgorithm.ED25519,
                "CN=h", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
        TARGET = new ContributionBuilder.Target("h", "ds", SCHEMA, 1,
                HpkeKeyPair.generate(new SecureRandom()).publicKey(), creds.signingKey(), creds.keyId());
    }

    private final List<MockProducer<byte[], byte[]>> made = new CopyOnWriteArrayList<>();
    private final List<String> persisted = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private ProducerPool pool(int size) {
        return new ProducerPool("test", size, id -> {
            MockProducer<byte[], byte[]> p = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            p.initTransactions();
            made.add(p);
            return p;
        });
    }

    private GroupWriter writer(ProducerPool pool, IngestFaults faults) {
        GroupWriter.Keys keys = new GroupWriter.Keys() {
            @Override
            public Optional<WrappedDek> unpersisted(String dekId) {
                return persisted.contains(dekId) ? Optional.empty()
                        : Optional.of(new WrappedDek(dekId, "ds", java.time.Instant.EPOCH,
                                new io.dsx.crypto.kms.WrappedKey("kek", new byte[60])));
            }

            @Override
            public void persisted(List<String> dekIds) {
                persisted.addAll(dekIds);
            }

            @Override
            public String receiptKeyId() {
                return "receipt-key";
            }
        };
        return new GroupWriter(pool, keys, Clock.systemUTC(), faults, new IngestMetrics(new SimpleMeterRegistry()), 50_000);
    }

    private static GroupWriter.Pending pending(int records) {
        List<GenericRecord> values = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            GenericRecord r = new GenericData.Record(SCHEMA.avro());
            r.put("subject", "s" + i);
            values.add(r);
        }
        ContributionEnvelope envelope = new ContributionBuilder(Clock.systemUTC(), new SecureRandom()).build(TARGET, values);
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            out.add(new ProducerRecord<>(Topics.data("ds"), ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> deks = new LinkedHashSet<>(List.of("dek-1"));
        return new GroupWriter.Pending(envelope, out, deks);
    }

    @Test
    void contributionsQueuedWhileTheProducerIsBusyShareOneTransaction() throws Exception {
        ProducerPool pool = pool(1);
        GroupWriter writer = writer(pool, null);
        var held = pool.poll(Duration.ofSeconds(1)); // the only producer is busy ...
        List<GroupWriter.Pending> three = List.of(pending(3), pending(2), pending(4));
        List<Future<LedgerIndex.Located>> results = new ArrayList<>();
        for (GroupWriter.Pending p : three) {
            results.add(threads.submit(() -> writer.write(p)));
        }
        Thread.sleep(200); // ... while three contributions queue up
        pool.release(held);
        List<LedgerIndex.Located> located = new ArrayList<>();
        for (Future<LedgerIndex.Located> f : results) {
            located.add(f.get(10, TimeUnit.SECONDS));
        }

        MockProducer<byte[], byte[]> producer = made.get(0);
        assertThat(producer.commitCount()).isEqualTo(1);
        List<ProducerRecord<byte[], byte[]>> history = producer.history();
        assertThat(history.stream().filter(r -> r.topic().equals(Topics.data("ds")))).hasSize(9);
        assertThat(history.stream().filter(r -> r.topic().equals(Topics.LEDGER))).hasSize(3);
        assertThat(history.stream().filter(r -> r.topic().equals(Topics.KEYS))).hasSize(1); // a DEK once per transaction
        assertThat(persisted).containsExactly("dek-1");
        for (int i = 0; i < 3; i++) {
            LedgerEntry entry = located.get(i).entry();
            assertThat(entry.manifest().contributionId()).isEqualTo(three.get(i).envelope.manifest().contributionId());
            long own = entry.segments().stream().mapToLong(s -> s.recordCount()).sum();
            assertThat(own).isEqualTo(three.get(i).records.size());
        }
    }

    @Test
    void aFailureInsideTheGroupAbortsEveryContributionOfIt() throws Exception {
        ProducerPool pool = pool(1);
        GroupWriter.Pending bad = pending(2);
        String badId = bad.envelope.manifest().contributionId();
        GroupWriter writer = writer(pool, id -> {
            if (id.equals(badId)) {
                throw new IllegalStateException("injected");
            }
        });
        var held = pool.poll(Duration.ofSeconds(1));
        Future<LedgerIndex.Located> good = threads.submit(() -> writer.write(pending(3)));
        Future<LedgerIndex.Located> failing = threads.submit(() -> writer.write(bad));
        Thread.sleep(200);
        pool.release(held);

        for (Future<LedgerIndex.Located> f : List.of(good, failing)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(io.dsx.gateway.web.TransientFailure.class)
                    .hasMessageContaining("nothing of it is visible");
        }
        MockProducer<byte[], byte[]> producer = made.get(0);
        assertThat(producer.commitCount()).isZero();
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty(); // MockProducer drops the aborted transaction's sends
        assertThat(persisted).isEmpty();

        // the pool still works: a retry commits
        LedgerIndex.Located again = writer.write(pending(1));
        assertThat(again.entry().segments()).hasSize(1);
        assertThat(producer.commitCount()).isEqualTo(1);
    }
}
