package io.dsx.gateway.policy;

import io.dsx.gateway.config.GatewayProperties;
import io.dsx.gateway.kafka.TopicAdmin;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy store, built and its revision kept on {@code dsx.policies} at start, or no gateway. */
@Configuration
public class PolicyConfig {

    @Bean
    PolicyStore policyStore(
            PolicySettings settings,
            Clock clock,
            Producer<String, byte[]> catalogProducer,
            TopicAdmin topics,
            GatewayProperties gateway) {
        PolicyStore store = PolicyStore.load(settings, clock);
        PolicyLog.publish(catalogProducer, store, gateway.name(), clock.instant());
        return store;
    }
}
