package io.dsx.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopicFollowerTest {

    private static final String TOPIC = "dsx.test";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);

    private static MockConsumer<byte[], byte[]> consumer() {
        MockConsumer<byte[], byte[]> c = new MockConsumer<>("earliest");
        c.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        c.updateBeginningOffsets(Map.of(TP, 0L));
        c.updateEndOffsets(Map.of(TP, 0L));
        return c;
    }

    @Test
    void anErrorInTheFollowingThreadMarksTheFollowerFailedInsteadOfFreezingSilently() {
        MockConsumer<byte[], byte[]> consumer = consumer();
        TopicFollower follower = TopicFollower.start(
                consumer,
                TOPIC,
                r -> {
                    throw new OutOfMemoryError("simulated");
                },
                Duration.ofSeconds(10));
        assertThat(follower.failure()).isEmpty();
        consumer.schedulePollTask(
                () -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, new byte[0], new byte[0])));
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.failure().isPresent());
        assertThat(follower.failure()).contains("OutOfMemoryError");
        follower.close();
    }

    @Test
    void aRecordTheHandlerRefusesAfterReplayIsSkippedAndFollowingGoesOn() {
        MockConsumer<byte[], byte[]> consumer = consumer();
        AtomicInteger seen = new AtomicInteger();
        TopicFollower follower = TopicFollower.start(
                consumer,
                TOPIC,
                r -> {
                    if (seen.incrementAndGet() == 1) {
                        throw new IllegalStateException("not a record of this topic");
                    }
                },
                Duration.ofSeconds(10));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, new byte[0], new byte[0]));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, new byte[0], new byte[0]));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() == 2);
        assertThat(follower.failure()).isEmpty();
        follower.close();
        assertThat(follower.failure()).as("closing is not failing").isEmpty();
    }
}
