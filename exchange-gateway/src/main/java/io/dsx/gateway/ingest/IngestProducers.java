package io.dsx.gateway.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ingest producers: idempotent (no duplicates or reordering on retry), acks=all, shared by every
 * request thread (a Kafka producer is thread-safe and batches what concurrent requests send), handed
 * out round robin. No transactions: the ledger entry is the commit marker (docs/formats.md §8). A
 * producer that failed is replaced, since an idempotent producer can be left unusable by a fatal error.
 */
final class IngestProducers implements AutoCloseable {

    private final AtomicReferenceArray<Producer<byte[], byte[]>> producers;
    private final AtomicInteger next = new AtomicInteger();
    private final Supplier<Producer<byte[], byte[]>> factory;

    IngestProducers(Map<String, Object> base, int size) {
        this(size, () -> {
            Map<String, Object> config = new HashMap<>(base);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // no batching: every stored segment is a record batch of its own, so no batch can be larger than
            // what the topic takes when each segment fits (checked before anything is sent); segments are
            // large enough that Kafka's per-batch cost does not matter
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 0);
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
            config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            return new KafkaProducer<>(config);
        });
    }

    IngestProducers(int size, Supplier<Producer<byte[], byte[]>> factory) {
        this.factory = factory;
        this.producers = new AtomicReferenceArray<>(size);
        for (int i = 0; i < size; i++) {
            producers.set(i, factory.get());
        }
    }

    /** A producer for one contribution (all its records go through the same one). */
    Producer<byte[], byte[]> next() {
        return producers.get(Math.floorMod(next.getAndIncrement(), producers.length()));
    }

    /** Replaces {@code broken} (if still in use) with a fresh producer. */
    void replace(Producer<byte[], byte[]> broken) {
        for (int i = 0; i < producers.length(); i++) {
            if (producers.get(i) == broken) {
                Producer<byte[], byte[]> fresh = factory.get();
                if (producers.compareAndSet(i, broken, fresh)) {
                    closeQuietly(broken);
                } else {
                    closeQuietly(fresh);
                }
                return;
            }
        }
    }

    private static void closeQuietly(Producer<byte[], byte[]> p) {
        try {
            p.close(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // it is being replaced because it failed
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < producers.length(); i++) {
            closeQuietly(producers.get(i));
        }
    }
}
