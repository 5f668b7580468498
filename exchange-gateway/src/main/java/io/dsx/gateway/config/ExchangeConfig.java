package io.dsx.gateway.config;

import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.catalog.CatalogService;
import io.dsx.gateway.kafka.KafkaSettings;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.TopicFollower;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.gateway.keys.KeySettings;
import io.dsx.schemas.wire.WireFormatException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds, at start and in this order, what every request needs: topics, keys (DEKs replayed from
 * {@code dsx.keys}), the catalog (replayed from {@code dsx.catalog}). Any failure stops the gateway.
 */
@Configuration
public class ExchangeConfig {

    /** The client settings every dsx Kafka client starts from. */
    public record KafkaClients(Map<String, Object> base) {
        public Map<String, Object> with(Map<String, Object> extra) {
            Map<String, Object> m = new HashMap<>(base);
            m.putAll(extra);
            return m;
        }
    }

    /**
     * Spring Boot's common Kafka settings ({@code spring.kafka.bootstrap-servers}, {@code spring.kafka.security.*},
     * {@code spring.kafka.ssl.*}, {@code spring.kafka.properties.*}: TLS and SASL for a production cluster)
     * are the base of every client the gateway makes.
     */
    @Bean
    KafkaClients kafkaClients(org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka) {
        Map<String, Object> base = new HashMap<>();
        base.put(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips");
        base.putAll(kafka.buildAdminProperties());
        return new KafkaClients(Map.copyOf(base));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return io.dsx.crypto.Drbg.create("dsx-gateway");
    }

    @Bean(destroyMethod = "close")
    TopicAdmin topicAdmin(KafkaClients clients, KafkaSettings settings) {
        TopicAdmin admin = new TopicAdmin(clients.base(), settings);
        admin.ensureSystemTopics();
        return admin;
    }

    @Bean(destroyMethod = "close")
    GatewayKeys gatewayKeys(
            KeySettings settings, KafkaClients clients, TopicAdmin topics, Clock clock, SecureRandom random) {
        return GatewayKeys.load(settings, clients.base(), clock, random);
    }

    @Bean
    Catalog catalog() {
        return new Catalog();
    }

    @Bean(destroyMethod = "close")
    TopicFollower catalogFollower(Catalog catalog, KafkaClients clients, TopicAdmin topics) {
        return TopicFollower.start(
                clients.base(),
                Topics.CATALOG,
                record -> {
                    try {
                        io.dsx.schemas.events.CatalogEvent event =
                                io.dsx.schemas.events.CatalogEvent.parse(record.value());
                        catalog.apply(record.offset(), event.eventId(), event.change());
                    } catch (WireFormatException e) {
                        throw new IllegalStateException(
                                "dsx.catalog offset " + record.offset() + ": " + e.getMessage());
                    }
                },
                Duration.ofMinutes(2));
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> catalogProducer(KafkaClients clients) {
        return new KafkaProducer<>(clients.with(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class)));
    }

    @Bean
    CatalogService catalogService(
            Catalog catalog,
            TopicFollower catalogFollower,
            Producer<String, byte[]> catalogProducer,
            TopicAdmin topics,
            Clock clock,
            SecureRandom random) {
        return new CatalogService(catalog, catalogProducer, topics, clock, random);
    }
}
