package io.dsx.gateway.stored;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the one Kafka record at a topic, partition and offset (no group, nothing committed). A
 * Kafka consumer is single-threaded, so calls are serialized; readers that stream many records hold
 * a fetcher of their own.
 *
 * <p>With a read-ahead above 1 (a reader moving forward through a partition, as the data plane
 * does), the records a poll returns past the one asked for are kept, and a later offset a little
 * ahead is reached by reading on instead of seeking: each poll then takes everything fetched, so
 * the consumer sends the next fetch at once and fetching overlaps the caller's work.
 */
public final class RecordFetcher implements AutoCloseable {

    private static final int FETCH_BYTES = 384 * 1024;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final int readAhead;
    private final java.util.ArrayDeque<ConsumerRecord<byte[], byte[]>> ahead = new java.util.ArrayDeque<>();
    private TopicPartition current;

    public RecordFetcher(Map<String, Object> clientConfig, Duration timeout) {
        this(clientConfig, timeout, 1);
    }

    /** As above; {@code readAhead} records at most are kept from one poll (1: seek for every fetch). */
    public RecordFetcher(Map<String, Object> clientConfig, Duration timeout, int readAhead) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, readAhead);
        if (readAhead > 1) {
            // fetch responses below half a G1 region of a 1 GiB heap: a 1 MiB response (the default) is a
            // humongous object, and thousands of them kept the gateway's G1 in concurrent cycles
            config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES);
            config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        }
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config);
        this.timeout = timeout;
        this.readAhead = readAhead;
    }

    /** The value at that position, or null if there is none (within the timeout). */
    public synchronized byte[] fetch(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        if (!tp.equals(current)) {
            consumer.assign(List.of(tp));
            current = tp;
            ahead.clear();
            consumer.seek(tp, offset);
        } else if (readAhead <= 1) {
            consumer.seek(tp, offset);
        } else {
            while (!ahead.isEmpty() && ahead.peekFirst().offset() < offset) {
                ahead.pollFirst();
            }
            if (!ahead.isEmpty() && ahead.peekFirst().offset() > offset) {
                ahead.clear(); // behind what was read ahead: read it again from there
                consumer.seek(tp, offset);
            } else if (ahead.isEmpty()) {
                long position = consumer.position(tp);
                if (offset < position || offset > position + 4L * readAhead) {
                    consumer.seek(tp, offset);
                }
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            while (!ahead.isEmpty()) {
                ConsumerRecord<byte[], byte[]> r = ahead.pollFirst();
                if (r.offset() == offset) {
                    return r.value();
                }
                if (r.offset() > offset) {
                    ahead.addFirst(r);
                    return null;
                }
            }
            if (!Instant.now().isBefore(deadline)) {
                return null;
            }
            ahead.addAll(consumer.poll(Duration.ofMillis(200)).records(tp));
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
