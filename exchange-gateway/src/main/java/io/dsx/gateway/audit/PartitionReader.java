package io.dsx.gateway.audit;

import io.dsx.crypto.note.Checkpoint;
import io.dsx.gateway.kafka.Topics;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditCodec;
import io.dsx.schemas.audit.AuditFormatException;
import io.dsx.schemas.audit.AuditTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one audit partition from its start to its last stable offset (read_committed), checking that the
 * events chain from the origin's genesis: the writer's state at start, and after a failed transaction.
 */
final class PartitionReader implements AuditLog.Recovery {

    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final Map<String, Object> consumerConfig;
    private final int partition;
    private final AuditKeys keys;

    PartitionReader(Map<String, Object> base, int partition, AuditKeys keys) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig = Map.copyOf(config);
        this.partition = partition;
        this.keys = keys;
    }

    @Override
    public AuditLog.Recovered read(String origin) {
        AuditTree tree = new AuditTree();
        long[] size = {0};
        byte[][] prev = {AuditChain.genesis(origin)};
        readAll(Topics.AUDIT, record -> {
            try {
                var event = AuditCodec.decode(record.value());
                if (event.seq() != size[0] || !MessageDigest.isEqual(event.prev(), prev[0])) {
                    throw new IllegalStateException("dsx.audit/" + partition + "@" + record.offset()
                            + " does not continue the chain (seq " + event.seq() + ", expected " + size[0] + ")");
                }
                prev[0] = AuditChain.link(record.value());
                tree.append(record.value());
                size[0]++;
            } catch (AuditFormatException e) {
                throw new IllegalStateException(
                        "dsx.audit/" + partition + "@" + record.offset() + " is not an audit event", e);
            }
        });
        long[] checkpointed = {-1};
        readAll(Topics.AUDIT_CHECKPOINTS, record -> {
            try {
                Checkpoint c =
                        AuditCheckpoints.open(new String(record.value(), StandardCharsets.UTF_8), keys.verifierKey());
                if (c.origin().equals(origin)) {
                    checkpointed[0] = Math.max(checkpointed[0], c.treeSize());
                }
            } catch (AuditFormatException e) {
                // a checkpoint under another key (an older audit key): the next one is signed anew
            }
        });
        if (checkpointed[0] > size[0]) {
            throw new IllegalStateException("a checkpoint of " + origin + " covers " + checkpointed[0]
                    + " events but the partition holds " + size[0]);
        }
        return new AuditLog.Recovered(size[0], prev[0], tree, checkpointed[0]);
    }

    private void readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        TopicPartition tp = new TopicPartition(topic, partition);
        Instant deadline = Instant.now().plus(DEADLINE);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> tps = List.of(tp);
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long end = consumer.endOffsets(tps, Duration.ofSeconds(30)).get(tp);
            while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading " + topic + "/" + partition + " took too long");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end) {
                        each.accept(r);
                    }
                }
            }
        }
    }
}
