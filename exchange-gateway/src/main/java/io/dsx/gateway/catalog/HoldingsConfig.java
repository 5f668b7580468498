package io.dsx.gateway.catalog;

import io.dsx.gateway.config.ExchangeConfig;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.TopicFollower;
import io.dsx.gateway.kafka.Topics;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link DatasetHoldings}, rebuilt from {@code dsx.ledger} at start and followed afterwards. */
@Configuration
public class HoldingsConfig {

    @Bean
    DatasetHoldings datasetHoldings() {
        return new DatasetHoldings();
    }

    @Bean(destroyMethod = "close")
    TopicFollower holdingsFollower(DatasetHoldings holdings, ExchangeConfig.KafkaClients clients, TopicAdmin topics) {
        return TopicFollower.start(clients.base(), Topics.LEDGER, holdings::accept, Duration.ofMinutes(5));
    }
}
