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
 * @param producers         transactional producers in the ingest pool: Kafka transactions in flight at once
 *                          (contributions arriving together share one, see GroupWriter)
 */
@Validated
@ConfigurationProperties("dsx.kafka")
public record KafkaSettings(@Min(1) @Max(5) @DefaultValue("1") short replicationFactor,
                            @Min(1) @Max(64) @DefaultValue("1") int dataPartitions,
                            @Min(1) @Max(32) @DefaultValue("2") int producers,
                            @Min(-1) @DefaultValue("-1") long dataRetentionMs) {
}
