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
 * views of every gateway converge. A handler failure during the initial replay fails the start.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private TopicFollower(KafkaConsumer<byte[], byte[]> consumer, Thread thread) {
        this.consumer = consumer;
        this.thread = thread;
    }

    public static TopicFollower start(Map<String, Object> consumerBase, String topic,
                                     Consumer<ConsumerRecord<byte[], byte[]>> handler, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerBase);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicReference<RuntimeException> replayFailure = new AtomicReference<>();
        TopicFollower[] self = new TopicFollower[1];
        Thread thread = new Thread(() -> self[0].loop(partitions, end, handler, caughtUp, replayFailure),
                "dsx-follow-" + topic);
        thread.setDaemon(true);
        self[0] = new TopicFollower(consumer, thread);
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

    private void loop(List<TopicPartition> partitions, Map<TopicPartition, Long> end,
                      Consumer<ConsumerRecord<byte[], byte[]>> handler, CountDownLatch caughtUp,
                      AtomicReference<RuntimeException> replayFailure) {
        try {
            while (running) {
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    caughtUp.countDown();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        if (caughtUp.getCount() > 0) {
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
        } catch (RuntimeException e) {
            if (caughtUp.getCount() > 0) {
                replayFailure.set(e);
                caughtUp.countDown();
            } else {
                LOG.error("following {} stopped: {}", partitions, e.getMessage());
            }
        } finally {
            consumer.close();
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
