package io.dsx.gateway.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a topic from its beginning ({@code read_committed}, no consumer group, nothing committed):
 * {@link #start} returns once every record up to the end offsets seen at start has been handled (the
 * rebuilt view is complete), then keeps handing new records to the handler on a daemon thread, so the
 * views of every gateway converge. A handler failure during the initial replay fails the start; later,
 * a record the handler refuses is logged and skipped. If the thread itself dies (an {@link Error}, a
 * broken consumer), the follower is {@linkplain #failure() failed}: its view is frozen, so the gateway
 * reports DOWN and refuses work rather than decide on a stale catalog, key set or ledger.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
    private final String topic;
    private Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    private TopicFollower(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
    }

    /** The topic followed. */
    public String topic() {
        return topic;
    }

    /** Why following stopped, if it stopped by itself (never a record's content); empty while it runs. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public static TopicFollower start(
            Map<String, Object> consumerBase,
            String topic,
            Consumer<ConsumerRecord<byte[], byte[]>> handler,
            Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerBase);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return start(new KafkaConsumer<>(config), topic, handler, timeout);
    }

    /** As above with a given consumer (tests use Kafka's MockConsumer). */
    static TopicFollower start(
            org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
            String topic,
            Consumer<ConsumerRecord<byte[], byte[]>> handler,
            Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicReference<RuntimeException> replayFailure = new AtomicReference<>();
        TopicFollower[] self = {new TopicFollower(consumer, topic)};
        Thread thread = new Thread(
                () -> self[0].loop(partitions, end, handler, caughtUp, replayFailure), "dsx-follow-" + topic);
        thread.setDaemon(true);
        self[0].thread = thread;
        thread.start();
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                self[0].close();
                throw new IllegalStateException("replay of " + topic + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            self[0].close();
            throw new IllegalStateException("interrupted replaying " + topic, e);
        }
        if (replayFailure.get() != null) {
            self[0].close();
            throw replayFailure.get();
        }
        return self[0];
    }

    private void loop(
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            Consumer<ConsumerRecord<byte[], byte[]>> handler,
            CountDownLatch caughtUp,
            AtomicReference<RuntimeException> replayFailure) {
        try {
            while (running) {
                if (caughtUp.getCount() > 0
                        && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    caughtUp.countDown();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        if (caughtUp.getCount() > 0) {
                            failure = e.getClass().getSimpleName();
                            replayFailure.set(e);
                            caughtUp.countDown();
                            return;
                        }
                        LOG.error("{} offset {}: record skipped ({})", record.topic(), record.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() was called
        } catch (RuntimeException | Error e) {
            // a thread boundary: whatever ends this loop must leave a visible mark, never a silent frozen view
            failure = e.getClass().getSimpleName();
            if (caughtUp.getCount() > 0) {
                replayFailure.set(
                        e instanceof RuntimeException r
                                ? r
                                : new IllegalStateException("replay of " + topic + " failed: " + failure));
                caughtUp.countDown();
            } else {
                LOG.error("following {} stopped ({}): this gateway reports DOWN and refuses work", topic, failure);
            }
        } finally {
            try {
                consumer.close();
            } catch (RuntimeException ignored) {
                // already failing or stopping
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
