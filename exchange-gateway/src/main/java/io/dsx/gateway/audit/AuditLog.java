package io.dsx.gateway.audit;

import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.TransientFailure;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditCodec;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditTree;
import io.dsx.schemas.audit.ChainedEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's audit log: one partition of {@code dsx.audit}, written by this gateway alone through a
 * transactional producer ({@code transactional.id = dsx-audit-<partition>}; a second writer of the same
 * partition fences this one, whose appends then all fail).
 *
 * <p>{@link #append} blocks until the event is committed (acks=all, transaction committed) and returns it
 * chained; otherwise it throws a {@link TransientFailure} {@code audit_unavailable} (503) and the caller must
 * not let the audited effect happen. Concurrent callers share transactions (group commit): one writer
 * thread takes whatever is queued (up to {@code maxBatch}), chains it, sends it and commits once. A signed
 * checkpoint rides in the same transaction every {@code checkpointEvery} events, or after
 * {@code checkpointInterval} when the log grew. Any failure of a transaction fails its callers, and the
 * state (chain head, Merkle tree) is recovered again from what the partition holds (read_committed) before
 * the next one: nothing is kept that Kafka does not hold.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** What a partition held when it was read (read_committed): the chain head, the tree, the last checkpoint. */
    public record Recovered(long size, byte[] prev, AuditTree tree, long checkpointedSize) {}

    /** Reads the partition's committed events and checkpoints (after the producer's initTransactions). */
    @FunctionalInterface
    public interface Recovery {
        Recovered read(String origin);
    }

    private static final class Pending {
        final AuditEvent event;
        final CompletableFuture<ChainedEvent> done = new CompletableFuture<>();

        Pending(AuditEvent event) {
            this.event = event;
        }
    }

    private final int partition;
    private final String origin;
    private final AuditKeys keys;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final Recovery recovery;
    private final Clock clock;
    private final int checkpointEvery;
    private final Duration checkpointInterval;
    private final int maxBatch;
    private final Duration appendTimeout;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;

    // writer thread state
    private Producer<byte[], byte[]> producer;
    private long nextSeq;
    private byte[] prev;
    private AuditTree tree;
    private long checkpointedSize;
    private Instant lastCheckpoint;
    private boolean needsReset;

    private volatile boolean running = true;
    private volatile String fenced;
    private volatile long committedSize;

    /**
     * Starts the log: creates the producer, runs initTransactions (fencing an older writer of the partition
     * and closing its open transaction), recovers the state, and starts the writer thread. Throws when any of
     * it fails: a gateway that cannot audit does not start.
     */
    public AuditLog(
            AuditSettings settings,
            AuditKeys keys,
            Supplier<Producer<byte[], byte[]>> producers,
            Recovery recovery,
            Clock clock) {
        this.partition = settings.partition();
        this.origin = AuditCheckpoints.origin(keys.keyName(), partition);
        this.keys = keys;
        this.producers = producers;
        this.recovery = recovery;
        this.clock = clock;
        this.checkpointEvery = settings.checkpointEvery();
        this.checkpointInterval = settings.checkpointInterval();
        this.maxBatch = settings.maxBatch();
        this.appendTimeout = settings.appendTimeout();
        this.queue = new ArrayBlockingQueue<>(settings.queue());
        start();
        this.writer = new Thread(this::run, "dsx-audit-writer-" + partition);
        writer.setDaemon(true);
        writer.start();
        LOG.info("audit log {} ready: {} events, last checkpoint at {}", origin, nextSeq, checkpointedSize);
    }

    /**
     * The log of {@code settings.partition()} on the broker of {@code base} (client settings): a transactional
     * producer with id {@code dsx-audit-<partition>}, the state read back read_committed.
     */
    public static AuditLog kafka(AuditSettings settings, AuditKeys keys, Map<String, Object> base, Clock clock) {
        return new AuditLog(
                settings,
                keys,
                () -> new KafkaProducer<>(producerConfig(base, settings)),
                new PartitionReader(base, settings.partition(), keys),
                clock);
    }

    static Map<String, Object> producerConfig(Map<String, Object> base, AuditSettings settings) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 << 20);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** The log's origin ({@code <key name>/<partition>}), the first line of its checkpoints. */
    public String origin() {
        return origin;
    }

    public int partition() {
        return partition;
    }

    /** Events committed so far (as known to this writer). */
    public long size() {
        return committedSize;
    }

    /**
     * Appends {@code event} and returns it chained, once its transaction is committed. Throws
     * {@link TransientFailure} ({@code audit_unavailable}) when it is not known to be committed: the caller
     * fails its request and lets nothing of it take effect.
     */
    public ChainedEvent append(AuditEvent event) {
        if (fenced != null) {
            throw unavailable("the audit log's partition is written by another gateway", null);
        }
        if (!running) {
            throw unavailable("the audit log is closed", null);
        }
        Pending p = new Pending(event);
        if (!queue.offer(p)) {
            throw unavailable("the audit log is behind", null);
        }
        try {
            return p.done.get(appendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.done.cancel(false);
            Thread.currentThread().interrupt();
            throw unavailable("interrupted waiting for the audit log", e);
        } catch (TimeoutException e) {
            p.done.cancel(false);
            throw unavailable("the audit log did not commit in time", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw unavailable("the audit log could not commit", e.getCause());
        }
    }

    private static TransientFailure unavailable(String detail, Throwable cause) {
        return new TransientFailure(Refusal.Code.AUDIT_UNAVAILABLE, detail, cause);
    }

    private void start() {
        producer = producers.get();
        producer.initTransactions();
        recover();
    }

    private void recover() {
        Recovered r = recovery.read(origin);
        nextSeq = r.size();
        prev = r.size() == 0 ? AuditChain.genesis(origin) : r.prev().clone();
        tree = r.tree();
        checkpointedSize = r.checkpointedSize();
        lastCheckpoint = clock.instant();
        committedSize = nextSeq;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(pollMillis(), TimeUnit.MILLISECONDS);
                batch.clear();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                }
                if (fenced != null) {
                    failAll(batch, unavailable("the audit log's partition is written by another gateway", null));
                    continue;
                }
                if (first != null || checkpointDue(nextSeq)) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("audit writer: {}", e.getClass().getName());
                failAll(batch, e);
            }
        }
    }

    private long pollMillis() {
        if (nextSeq == checkpointedSize) {
            return checkpointInterval.toMillis();
        }
        long waited = Duration.between(lastCheckpoint, clock.instant()).toMillis();
        return Math.max(1, checkpointInterval.toMillis() - waited);
    }

    private boolean checkpointDue(long size) {
        return size > checkpointedSize
                && (size - Math.max(0, checkpointedSize) >= checkpointEvery
                        || !clock.instant().isBefore(lastCheckpoint.plus(checkpointInterval)));
    }

    private void write(List<Pending> batch) {
        if (needsReset) {
            try {
                reset();
            } catch (RuntimeException e) {
                LOG.warn(
                        "audit log {} cannot start again: {}",
                        origin,
                        e.getClass().getName());
                failAll(batch, unavailable("the audit log is unavailable", e));
                sleepQuietly();
                return;
            }
        }
        List<Pending> written = new ArrayList<>(batch.size());
        List<ChainedEvent> chained = new ArrayList<>(batch.size());
        try {
            producer.beginTransaction();
            for (Pending p : batch) {
                if (p.done.isDone()) {
                    continue; // its caller gave up before it was written
                }
                ChainedEvent e;
                try {
                    e = AuditCodec.encode(nextSeq, prev, p.event);
                } catch (IllegalArgumentException tooLarge) {
                    p.done.completeExceptionally(tooLarge);
                    continue;
                }
                producer.send(new ProducerRecord<>(Topics.AUDIT, partition, seqKey(e.seq()), e.bytes()));
                nextSeq++;
                prev = AuditChain.link(e.bytes());
                tree.append(e.bytes());
                written.add(p);
                chained.add(e);
            }
            String note = null;
            if (checkpointDue(nextSeq)) {
                note = AuditCheckpoints.sign(origin, nextSeq, tree.root(), keys.keyName(), keys.signingKey());
                producer.send(new ProducerRecord<>(
                        Topics.AUDIT_CHECKPOINTS, partition, null, note.getBytes(StandardCharsets.UTF_8)));
            }
            producer.commitTransaction();
            committedSize = nextSeq;
            if (note != null) {
                checkpointedSize = nextSeq;
                lastCheckpoint = clock.instant();
            }
            for (int i = 0; i < written.size(); i++) {
                written.get(i).done.complete(chained.get(i));
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            fenced = e.getClass().getSimpleName();
            LOG.error(
                    "audit log {} is fenced: another gateway writes partition {}; audited requests fail",
                    origin,
                    partition);
            failAll(batch, unavailable("the audit log's partition is written by another gateway", e));
            closeQuietly();
        } catch (RuntimeException e) {
            LOG.warn(
                    "audit transaction on {} failed ({}): its {} events are not logged",
                    origin,
                    e.getClass().getName(),
                    written.size());
            failAll(batch, unavailable("the audit log could not commit", e));
            if (e instanceof AuthorizationException || e instanceof OutOfOrderSequenceException) {
                LOG.error("audit log {}: {}", origin, e.getClass().getName());
            }
            try {
                producer.abortTransaction();
            } catch (RuntimeException ignored) {
                // the producer is replaced below
            }
            needsReset = true;
        }
    }

    /** A new producer (initTransactions ends whatever the old one left open) and the state as Kafka holds it. */
    private void reset() {
        closeQuietly();
        start();
        needsReset = false;
        LOG.info("audit log {} recovered: {} events", origin, nextSeq);
    }

    private void closeQuietly() {
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(1));
            }
        } catch (RuntimeException ignored) {
            // being replaced or closed
        }
        producer = null;
        needsReset = true;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void failAll(List<Pending> batch, Throwable cause) {
        for (Pending p : batch) {
            p.done.completeExceptionally(cause);
        }
    }

    /** The Kafka key of an event: its seq, 8 bytes big-endian (nothing identifying). */
    static byte[] seqKey(long seq) {
        return ByteBuffer.allocate(Long.BYTES).putLong(seq).array();
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left, unavailable("the audit log is closed", null));
        closeQuietly();
    }
}
