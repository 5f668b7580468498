package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.gateway.config.ExchangeConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring Boot's {@code spring.kafka.*} settings reach every client the gateway makes, so a production
 * cluster's TLS or SASL ({@code spring.kafka.security.protocol}, {@code spring.kafka.ssl.*},
 * {@code spring.kafka.properties.sasl.*}) is configuration, not code. The run's gateway is started with
 * {@code spring.kafka.properties.reconnect.backoff.max.ms=1001} (see {@link GatewayIT}).
 */
class KafkaClientSettingsIT extends GatewayIT {

    @Autowired
    ExchangeConfig.KafkaClients clients;

    @Test
    void springKafkaSettingsAreTheBaseOfEveryGatewayClient() {
        assertThat(clients.base()).containsEntry("reconnect.backoff.max.ms", "1001");
        assertThat(String.valueOf(clients.base().get("bootstrap.servers"))).contains(stack().bootstrapServers());
        assertThat(clients.base()).containsEntry("client.dns.lookup", "use_all_dns_ips");
    }
}
