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

    /** Reads a ledger entry back by position when a contribution is sent again (rare: one consumer). */
    @Bean(destroyMethod = "close")
    io.dsx.gateway.stored.RecordFetcher ledgerFetcher(KafkaClients clients) {
        return new io.dsx.gateway.stored.RecordFetcher(clients.base(), Duration.ofSeconds(30));
    }

    @Bean
    LedgerIndex ledgerIndex(io.dsx.gateway.stored.RecordFetcher ledgerFetcher) {
        return new LedgerIndex((partition, offset) -> {
            byte[] value = ledgerFetcher.fetch(Topics.LEDGER, partition, offset);
            if (value == null) {
                throw new IllegalStateException("no ledger entry at dsx.ledger/" + partition + "@" + offset);
            }
            try {
                return io.dsx.schemas.events.LedgerEntry.parse(value);
            } catch (io.dsx.schemas.wire.WireFormatException e) {
                throw new IllegalStateException("dsx.ledger/" + partition + "@" + offset + " is not a ledger entry");
            }
        });
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
    IngestService ingestService(
            IngestMetrics metrics,
            Catalog catalog,
            GatewayKeys keys,
            LedgerIndex ledger,
            TopicFollower ledgerFollower,
            IngestProducers producers,
            TopicAdmin topics,
            IngestSettings settings,
            Clock clock,
            ObjectProvider<IngestFaults> faults) {
        return new IngestService(
                catalog, keys, ledger, producers, topics, settings, clock, faults.getIfAvailable(), metrics);
    }
}
