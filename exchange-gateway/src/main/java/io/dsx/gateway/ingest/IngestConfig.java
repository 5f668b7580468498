package io.dsx.gateway.ingest;

import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.config.ExchangeConfig.KafkaClients;
import io.dsx.gateway.kafka.KafkaSettings;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.TopicFollower;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.keys.GatewayKeys;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class IngestConfig {

    @Bean
    LedgerIndex ledgerIndex() {
        return new LedgerIndex();
    }

    @Bean(destroyMethod = "close")
    TopicFollower ledgerFollower(LedgerIndex index, KafkaClients clients, TopicAdmin topics) {
        return TopicFollower.start(clients.base(), Topics.LEDGER, index::accept, Duration.ofMinutes(5));
    }

    @Bean(destroyMethod = "close")
    IngestProducers ingestProducers(KafkaClients clients, KafkaSettings settings, TopicAdmin topics) {
        return new IngestProducers(clients.base(), settings.producers());
    }

    @Bean
    IngestMetrics ingestMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    IngestService ingestService(IngestMetrics metrics, Catalog catalog, GatewayKeys keys, LedgerIndex ledger, TopicFollower ledgerFollower,
                                IngestProducers producers, TopicAdmin topics, IngestSettings settings, Clock clock,
                                ObjectProvider<IngestFaults> faults) {
        return new IngestService(catalog, keys, ledger, producers, topics, settings, clock, faults.getIfAvailable(), metrics);
    }
}
