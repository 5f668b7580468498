package io.dsx.gateway.dataplane;

import io.dsx.crypto.CryptoException;
import io.dsx.gateway.access.AccessView;
import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.catalog.DatasetHoldings;
import io.dsx.gateway.config.ExchangeConfig;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.gateway.keys.KeySettings;
import io.dsx.gateway.policy.PolicyStore;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data plane's parts: the mask root (loaded or created at start), the read authorizer and the record source. */
@Configuration
public class DataPlaneConfig {

    @Bean(destroyMethod = "destroy")
    MaskRoot maskRoot(DataPlaneSettings settings, KeySettings keys, SecureRandom random) throws CryptoException {
        return MaskRoot.openOrCreate(settings.maskKeystore(), keys.password().toCharArray(), random);
    }

    @Bean
    ReadAuthorizer readAuthorizer(AccessView view, Catalog catalog, PolicyStore policy, Clock clock) {
        return new ReadAuthorizer(view, catalog, policy, clock);
    }

    @Bean
    ReadAudit readAudit() {
        return new LoggedReads();
    }

    @Bean
    RecordSource recordSource(
            DatasetHoldings holdings, Catalog catalog, GatewayKeys keys, ExchangeConfig.KafkaClients clients) {
        return new LedgerRecordSource(holdings, catalog, keys.deks(), clients.base());
    }
}
