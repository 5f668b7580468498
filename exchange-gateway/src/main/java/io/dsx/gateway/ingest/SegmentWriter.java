package io.dsx.gateway.ingest;

import io.dsx.crypto.dek.WrappedDek;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.TransientFailure;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one sealed contribution with the commit protocol of docs/formats.md §8: its new wrapped DEKs
 * and all its stored segments first, every one acknowledged (acks=all), then its ledger entry, which
 * is the commit marker every reader honours. No Kafka transaction: measured cheaper
 * (docs/decisions/2026-12-07-stored-segments-and-ledger-commit.md). A failure before the ledger entry
 * is acknowledged leaves no ledger entry, so nothing is visible; segments already written are orphans
 * (at no ledger position, never served), logged and counted.
 */
final class SegmentWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);

    /** A contribution ready to write: its sealed segments, where each run of records went, new DEKs. */
    record Sealed(
            ContributionEnvelope envelope,
            String topic,
            byte[] key,
            List<byte[]> segments,
            List<int[]> runs,
            List<WrappedDek> newDeks) {}

    /** What the writer needs of the gateway's keys (GatewayKeys in the gateway). */
    interface Keys {
        /** Those DEKs are on {@code dsx.keys} now. */
        void persisted(List<String> dekIds);

        /** Id of the key that signs receipts, named in each ledger entry. */
        String receiptKeyId();
    }

    private final IngestProducers producers;
    private final Keys keys;
    private final Clock clock;
    private final IngestFaults faults;
    private final IngestMetrics metrics;

    SegmentWriter(IngestProducers producers, Keys keys, Clock clock, IngestFaults faults, IngestMetrics metrics) {
        this.producers = producers;
        this.keys = keys;
        this.clock = clock;
        this.faults = faults;
        this.metrics = metrics;
    }

    /**
     * Writes {@code sealed} and returns where its ledger entry landed.
     *
     * @throws TransientFailure if its ledger entry was not written: nothing of it is visible, and it may be sent again
     */
    LedgerIndex.Located write(Sealed sealed) {
        String id = sealed.envelope().manifest().contributionId();
        Producer<byte[], byte[]> producer = producers.next();
        long started = System.nanoTime();
        List<Future<RecordMetadata>> acks = new ArrayList<>(sealed.segments().size());
        int acknowledged = 0;
        try {
            List<Future<RecordMetadata>> dekAcks = new ArrayList<>();
            for (WrappedDek dek : sealed.newDeks()) {
                dekAcks.add(producer.send(new ProducerRecord<>(
                        Topics.KEYS, dek.keyId().getBytes(StandardCharsets.UTF_8), dek.toBytes())));
            }
            for (byte[] segment : sealed.segments()) {
                acks.add(producer.send(new ProducerRecord<>(sealed.topic(), sealed.key(), segment)));
            }
            for (Future<RecordMetadata> f : dekAcks) {
                f.get();
            }
            keys.persisted(sealed.newDeks().stream().map(WrappedDek::keyId).toList());
            List<RecordSegment> positions = new ArrayList<>(acks.size());
            for (int i = 0; i < acks.size(); i++) {
                RecordMetadata at = acks.get(i).get();
                acknowledged++;
                int[] run = sealed.runs().get(i);
                positions.add(new RecordSegment(at.partition(), at.offset(), run[0], run[1]));
            }
            long written = System.nanoTime();
            metrics.record("produce", written - started);
            if (faults != null) {
                faults.beforeCommit(id);
            }
            LedgerEntry entry = LedgerEntry.of(sealed.envelope(), clock.instant(), keys.receiptKeyId(), positions);
            RecordMetadata at = producer.send(
                            new ProducerRecord<>(Topics.LEDGER, id.getBytes(StandardCharsets.UTF_8), entry.toBytes()))
                    .get();
            metrics.record("commit", System.nanoTime() - written);
            return new LedgerIndex.Located(entry, at.partition(), at.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw aborted(id, sealed, countDone(acks), e);
        } catch (ExecutionException e) {
            producers.replace(producer);
            throw aborted(id, sealed, countDone(acks), e.getCause());
        } catch (RuntimeException e) {
            throw aborted(id, sealed, Math.max(acknowledged, countDone(acks)), e);
        }
    }

    private TransientFailure aborted(String id, Sealed sealed, int orphans, Throwable cause) {
        if (orphans > 0) {
            metrics.orphans(orphans);
        }
        LOG.warn(
                "contribution {} not committed: {} of {} stored segments orphaned (never served), cause {}",
                id,
                orphans,
                sealed.segments().size(),
                cause == null ? "unknown" : cause.getClass().getSimpleName());
        return new TransientFailure(
                Refusal.Code.WRITE_ABORTED,
                "the contribution was not written (its ledger entry, the commit"
                        + " marker, could not be written); nothing of it is visible, send it again",
                cause);
    }

    private static int countDone(List<Future<RecordMetadata>> acks) {
        int done = 0;
        for (Future<RecordMetadata> f : acks) {
            if (f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                    done++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException notWritten) {
                    // this one is not on the topic
                }
            }
        }
        return done;
    }
}
