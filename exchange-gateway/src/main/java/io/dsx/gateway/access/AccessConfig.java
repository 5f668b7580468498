package io.dsx.gateway.access;

import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.config.ExchangeConfig;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.TopicFollower;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.policy.PolicyStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access view, rebuilt from {@code dsx.grants} before the gateway answers, and the service writing to it. */
@Configuration
public class AccessConfig {

    @Bean
    AccessView accessView() {
        return new AccessView();
    }

    @Bean(destroyMethod = "close")
    TopicFollower grantsFollower(AccessView view, ExchangeConfig.KafkaClients clients, TopicAdmin topics) {
        return TopicFollower.start(
                clients.base(),
                Topics.GRANTS,
                record -> {
                    if (record.value() == null) {
                        view.appliedUpTo(record.partition(), record.offset());
                        return; // a tombstone: nothing of dsx's deletes, but compaction may leave one
                    }
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    try {
                        view.applyFromTopic(GrantsCodec.decode(key, record.value()));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("dsx.grants offset " + record.offset() + ": " + e.getMessage());
                    } finally {
                        view.appliedUpTo(record.partition(), record.offset());
                    }
                },
                Duration.ofMinutes(2));
    }

    /** Writes wait for the view to be rebuilt (grantsFollower), so no write races the replay. */
    @Bean
    GrantsLog grantsLog(AccessView view, TopicFollower grantsFollower, Producer<String, byte[]> catalogProducer) {
        return new GrantsLog(catalogProducer, view);
    }

    @Bean
    GrantQuota grantQuota(AccessView view, GrantsLog grantsLog, Clock clock) {
        return new GrantQuota(view, grantsLog, clock);
    }

    @Bean
    AccessService accessService(
            Catalog catalog,
            AccessView view,
            PolicyStore policy,
            GrantsLog grantsLog,
            Clock clock,
            SecureRandom random) {
        return new AccessService(catalog, view, policy, grantsLog, clock, random);
    }
}
