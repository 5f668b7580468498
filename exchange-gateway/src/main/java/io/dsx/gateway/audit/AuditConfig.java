package io.dsx.gateway.audit;

import io.dsx.crypto.CryptoException;
import io.dsx.gateway.config.ExchangeConfig.KafkaClients;
import io.dsx.gateway.config.GatewayProperties;
import io.dsx.gateway.kafka.TopicAdmin;
import io.dsx.gateway.kafka.Topics;
import io.dsx.gateway.keys.KeySettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log this gateway writes ({@code dsx.audit.partition}), its keys, and the event builder. */
@Configuration
public class AuditConfig {

    @Bean
    AuditKeys auditKeys(AuditSettings settings, KeySettings keys, SecureRandom random) {
        Path file = settings.keystore() != null
                ? settings.keystore()
                : keys.gatewayKeystore().toAbsolutePath().resolveSibling("audit-keys.p12");
        char[] password = keys.password().toCharArray();
        try {
            return AuditKeys.openOrCreate(file, password, settings.keyName(), random);
        } catch (CryptoException e) {
            throw new IllegalStateException("cannot open the audit key store " + file + ": " + e.reason(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Bean(destroyMethod = "close")
    AuditLog auditLog(AuditSettings settings, AuditKeys keys, KafkaClients clients, TopicAdmin topics, Clock clock) {
        int partitions = topics.partitions(Topics.AUDIT);
        if (settings.partition() >= partitions || settings.partition() >= topics.partitions(Topics.AUDIT_CHECKPOINTS)) {
            throw new IllegalStateException("dsx.audit.partition=" + settings.partition() + " but " + Topics.AUDIT
                    + " has " + partitions + " partitions (dsx.kafka.audit-partitions, set when it was created)");
        }
        return AuditLog.kafka(settings, keys, clients.base(), clock);
    }

    @Bean
    AuditEvents auditEvents(GatewayProperties gateway, ObjectProvider<BuildProperties> build, Clock clock) {
        BuildProperties info = build.getIfAvailable();
        return new AuditEvents(gateway.name(), info != null ? info.getVersion() : "unknown", clock);
    }
}
