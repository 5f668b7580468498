package io.dsx.gateway.stored;

import io.dsx.crypto.dek.DekManager;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.stored.StoredSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Fetches and opens the stored segments of committed contributions, by the positions their ledger
 * entries give. One reader per thread (it holds a Kafka consumer); close it when done.
 */
public final class SegmentReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DekManager deks;
    private final Duration timeout;

    public SegmentReader(Map<String, Object> clientConfig, DekManager deks, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config);
        this.deks = deks;
        this.timeout = timeout;
    }

    /** Segment {@code s} of {@code entry}, opened and checked against what the entry says it holds. */
    public RecordFrames open(LedgerEntry entry, RecordSegment s) throws StoredSegment.OpenException {
        byte[] value = fetch(entry.dataTopic(), s.partition(), s.offset());
        if (value == null) {
            throw new StoredSegment.OpenException(StoredSegment.Failure.MALFORMED,
                    "no stored segment at " + entry.dataTopic() + "/" + s.partition() + "@" + s.offset());
        }
        return StoredSegment.open(entry.manifest().datasetId(), value, UUID.fromString(entry.manifest().contributionId()),
                entry.manifest().schemaVersion(), s.firstLeaf(), s.recordCount(), deks::key);
    }

    /** Every record of {@code entry}, in leaf order (copies; for tools and tests). */
    public List<FramedRecord> records(LedgerEntry entry) throws StoredSegment.OpenException {
        List<FramedRecord> out = new ArrayList<>((int) entry.manifest().recordCount());
        for (RecordSegment s : entry.segments()) {
            RecordFrames frames = open(entry, s);
            out.addAll(frames.records());
            frames.wipe();
        }
        return out;
    }

    private byte[] fetch(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                if (r.offset() == offset) {
                    return r.value();
                }
                if (r.offset() > offset) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
