package io.dsx.gateway.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Transactional producers, one per transaction in flight (a transaction belongs to one producer and
 * one thread; {@link GroupWriter} puts several contributions in one). Each has a stable {@code transactional.id} derived from the gateway's name, so a
 * restarted gateway fences its predecessor's unfinished transactions, which the broker then aborts.
 */
final class ProducerPool implements AutoCloseable {

    private final BlockingQueue<Producer<byte[], byte[]>> idle;
    private final Map<Producer<byte[], byte[]>, String> ids = new HashMap<>();
    private final Function<String, Producer<byte[], byte[]>> factory;

    ProducerPool(Map<String, Object> base, String gatewayName, int size) {
        this(gatewayName, size, id -> {
            Map<String, Object> config = new HashMap<>(base);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config);
            producer.initTransactions();
            return producer;
        });
    }

    ProducerPool(String gatewayName, int size, Function<String, Producer<byte[], byte[]>> factory) {
        this.factory = factory;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            String id = "dsx-" + gatewayName + "-ingest-" + i;
            Producer<byte[], byte[]> p = factory.apply(id);
            ids.put(p, id);
            idle.add(p);
        }
    }

    Producer<byte[], byte[]> take() throws InterruptedException {
        return idle.take();
    }

    /** An idle producer, or null if none frees up within {@code wait}. */
    Producer<byte[], byte[]> poll(java.time.Duration wait) throws InterruptedException {
        return idle.poll(wait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void release(Producer<byte[], byte[]> producer) {
        idle.add(producer);
    }

    /** Replaces a producer left unusable (fenced, or in an unknown transaction state). */
    synchronized void discard(Producer<byte[], byte[]> broken) {
        String id = ids.remove(broken);
        try {
            broken.close(java.time.Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // it is being replaced because it failed
        }
        Producer<byte[], byte[]> fresh = factory.apply(id);
        ids.put(fresh, id);
        idle.add(fresh);
    }

    @Override
    public synchronized void close() {
        ids.keySet().forEach(p -> p.close(java.time.Duration.ofSeconds(5)));
    }
}
