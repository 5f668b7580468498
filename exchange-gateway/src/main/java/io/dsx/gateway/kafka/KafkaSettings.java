package io.dsx.gateway.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.kafka} (the broker address itself is {@code spring.kafka.bootstrap-servers}).
 *
 * @param replicationFactor replication of every dsx topic (1 on the local stack, 3 in production)
 * @param dataPartitions    partitions of each {@code dsx.data.<dataset>} topic
 * @param dataRetentionMs   retention.ms of each {@code dsx.data.<dataset>} topic when it is created; -1 (the default)
 *                          keeps stored records as long as their ledger entries, which are never deleted
 * @param producers         idempotent producers the ingest path shares (each has its own sender thread)
 * @param dataMaxMessageBytes max.message.bytes of each {@code dsx.data.<dataset>} topic when it is created: the
 *                          largest stored segment the broker takes (a record larger than what the topic takes
 *                          is refused before anything is written)
 * @param auditPartitions   partitions of {@code dsx.audit} and {@code dsx.audit.checkpoints} when they are created:
 *                          one audit log per partition, one writing gateway per log ({@code dsx.audit.partition});
 *                          the gateway cannot add partitions later (it has no ALTER right on topics)
 */
@Validated
@ConfigurationProperties("dsx.kafka")
public record KafkaSettings(
        @Min(1) @Max(5) @DefaultValue("1") short replicationFactor,
        @Min(1) @Max(64) @DefaultValue("1") int dataPartitions,
        @Min(1) @Max(32) @DefaultValue("2") int producers,
        @Min(-1) @DefaultValue("-1") long dataRetentionMs,
        @Min(65536) @Max(64 << 20) @DefaultValue("2097152") int dataMaxMessageBytes,
        @Min(1) @Max(256) @DefaultValue("16") int auditPartitions) {}
