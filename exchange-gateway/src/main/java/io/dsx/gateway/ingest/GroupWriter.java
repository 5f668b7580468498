package io.dsx.gateway.ingest;

import io.dsx.gateway.kafka.Topics;
import io.dsx.crypto.dek.WrappedDek;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.gateway.web.TransientFailure;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes sealed contributions to Kafka, several at once when they arrive together (group commit).
 * One Kafka transaction holds, for every contribution of the group, its records, the wrapped DEKs
 * they need, and its ledger entry; it commits or aborts as a whole, so each contribution is still
 * all-or-nothing. No thread of its own: a request thread that gets a producer from the pool becomes
 * the group's leader and takes every contribution queued at that moment (up to the limits); the
 * others wait for their result. Under load this turns N small transactions into a few larger ones:
 * fewer AddPartitions/EndTxn round trips and transaction markers per record.
 */
final class GroupWriter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);

    /** A contribution ready to write: its sealed records and what its ledger entry needs. */
    static final class Pending {
        final ContributionEnvelope envelope;
        final List<ProducerRecord<byte[], byte[]>> records;
        final Set<String> dekIds;
        final long enqueued = System.nanoTime();
        final CompletableFuture<LedgerIndex.Located> result = new CompletableFuture<>();

        Pending(ContributionEnvelope envelope, List<ProducerRecord<byte[], byte[]>> records, Set<String> dekIds) {
            this.envelope = envelope;
            this.records = records;
            this.dekIds = dekIds;
        }
    }

    private static final java.time.Duration POLL = java.time.Duration.ofMillis(5);

    /** What the writer needs of the gateway's keys (GatewayKeys in the gateway). */
    interface Keys {
        /** The wrapped form of a DEK not yet on {@code dsx.keys}, to write in the same transaction. */
        Optional<WrappedDek> unpersisted(String dekId);

        /** Those DEKs are on {@code dsx.keys} now (their transaction committed). */
        void persisted(List<String> dekIds);

        /** Id of the key that signs receipts, named in each ledger entry. */
        String receiptKeyId();

        static Keys of(GatewayKeys keys) {
            return new Keys() {
                @Override
                public Optional<WrappedDek> unpersisted(String dekId) {
                    return keys.unpersisted(dekId);
                }

                @Override
                public void persisted(List<String> dekIds) {
                    keys.persistedNow(dekIds);
                }

                @Override
                public String receiptKeyId() {
                    return keys.keyStore().receiptKeyId();
                }
            };
        }
    }

    private final ProducerPool producers;
    private final Keys keys;
    private final Clock clock;
    private final IngestFaults faults;
    private final IngestMetrics metrics;
    private final int maxGroupRecords;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    GroupWriter(ProducerPool producers, Keys keys, Clock clock, IngestFaults faults, IngestMetrics metrics,
                int maxGroupRecords) {
        this.producers = producers;
        this.keys = keys;
        this.clock = clock;
        this.faults = faults;
        this.metrics = metrics;
        this.maxGroupRecords = maxGroupRecords;
    }

    /**
     * Writes {@code pending} (alone or with others) and returns where its ledger entry landed once
     * the transaction has committed.
     *
     * @throws TransientFailure if its transaction did not commit: nothing of it is visible, and it may be sent again
     */
    LedgerIndex.Located write(Pending pending) throws InterruptedException {
        queue.add(pending);
        while (!pending.result.isDone()) {
            Producer<byte[], byte[]> producer = producers.poll(POLL);
            if (producer == null) {
                continue; // every producer is busy: look again whether a leader has written ours
            }
            List<Pending> group = drain();
            if (group.isEmpty()) {
                producers.release(producer); // another leader took ours; its result is on the way
                break;
            }
            writeGroup(producer, group);
        }
        try {
            return pending.result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof TransientFailure failure ? failure
                    : new IllegalStateException("the contribution could not be written", e.getCause());
        }
    }

    private List<Pending> drain() {
        List<Pending> group = new ArrayList<>();
        long records = 0;
        for (Pending p; (p = queue.peek()) != null; ) {
            if (!group.isEmpty() && records + p.records.size() > maxGroupRecords) {
                break;
            }
            if (queue.remove(p)) {
                group.add(p);
                records += p.records.size();
            }
        }
        return group;
    }

    private void writeGroup(Producer<byte[], byte[]> producer, List<Pending> group) {
        boolean healthy = true;
        long started = System.nanoTime();
        group.forEach(p -> metrics.record("queue", started - p.enqueued));
        try {
            producer.beginTransaction();
            List<List<Future<RecordMetadata>>> sent = new ArrayList<>(group.size());
            Set<String> dekIds = new LinkedHashSet<>();
            for (Pending p : group) {
                List<Future<RecordMetadata>> acks = new ArrayList<>(p.records.size());
                for (ProducerRecord<byte[], byte[]> record : p.records) {
                    acks.add(producer.send(record));
                }
                sent.add(acks);
                dekIds.addAll(p.dekIds);
            }
            List<String> dekWritten = new ArrayList<>();
            for (String dekId : dekIds) {
                keys.unpersisted(dekId).ifPresent(w -> {
                    producer.send(new ProducerRecord<>(Topics.KEYS, w.keyId().getBytes(StandardCharsets.UTF_8), w.toBytes()));
                    dekWritten.add(w.keyId());
                });
            }
            // each ledger entry names its records' offsets, known once they are acknowledged
            List<LedgerEntry> entries = new ArrayList<>(group.size());
            List<Future<RecordMetadata>> ledgerWrites = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                Pending p = group.get(i);
                LedgerEntry entry = LedgerEntry.of(p.envelope, clock.instant(), keys.receiptKeyId(),
                        segments(sent.get(i)));
                entries.add(entry);
                ledgerWrites.add(producer.send(new ProducerRecord<>(Topics.LEDGER,
                        p.envelope.manifest().contributionId().getBytes(StandardCharsets.UTF_8), entry.toBytes())));
            }
            if (faults != null) {
                group.forEach(p -> faults.beforeCommit(p.envelope.manifest().contributionId()));
            }
            long sentAll = System.nanoTime();
            producer.commitTransaction();
            long committed = System.nanoTime();
            keys.persisted(dekWritten);
            for (int i = 0; i < group.size(); i++) {
                RecordMetadata at = ledgerWrites.get(i).get();
                metrics.record("produce", sentAll - started);
                metrics.record("commit", committed - sentAll);
                group.get(i).result.complete(new LedgerIndex.Located(entries.get(i), at.partition(), at.offset()));
            }
            metrics.recordGroup(group.size());
        } catch (ProducerFencedException e) {
            healthy = false;
            fail(group, new TransientFailure("write_aborted", "the contribution was not written (ingest producer fenced:"
                    + " is another gateway using this one's name?); nothing of it is visible, send it again", e));
        } catch (Exception e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailed) {
                healthy = false;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(group, new TransientFailure("write_aborted", "the contribution was not written (its Kafka transaction was"
                    + " aborted); nothing of it is visible, send it again", e));
        } finally {
            if (healthy) {
                producers.release(producer);
            } else {
                producers.discard(producer);
            }
        }
    }

    private static void fail(List<Pending> group, TransientFailure e) {
        for (Pending p : group) {
            LOG.warn("contribution {} aborted: {}", p.envelope.manifest().contributionId(),
                    e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            p.result.completeExceptionally(e);
        }
    }

    private static List<RecordSegment> segments(List<Future<RecordMetadata>> sent) throws Exception {
        Map<Integer, long[]> byPartition = new TreeMap<>(); // partition -> {first, last, count}
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get();
            long[] s = byPartition.computeIfAbsent(m.partition(), p -> new long[] {Long.MAX_VALUE, -1, 0});
            s[0] = Math.min(s[0], m.offset());
            s[1] = Math.max(s[1], m.offset());
            s[2]++;
        }
        List<RecordSegment> segments = new ArrayList<>();
        byPartition.forEach((p, s) -> segments.add(new RecordSegment(p, s[0], s[1], s[2])));
        return segments;
    }
}
