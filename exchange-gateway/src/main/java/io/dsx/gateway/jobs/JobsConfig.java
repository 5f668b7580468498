package io.dsx.gateway.jobs;

import io.dsx.crypto.CryptoException;
import io.dsx.gateway.access.AccessView;
import io.dsx.gateway.access.GrantsLog;
import io.dsx.gateway.keys.KeySettings;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job-token keys (loaded or created at start, or no gateway), tokens and the job service. */
@Configuration
public class JobsConfig {

    @Bean
    JobTokenKeys jobTokenKeys(JobSettings settings, KeySettings keys, Clock clock, SecureRandom random)
            throws CryptoException {
        return JobTokenKeys.openOrCreate(
                settings.tokenKeystore(), keys.password().toCharArray(), settings.keyRotation(), clock, random);
    }

    @Bean
    JobTokens jobTokens(JobTokenKeys keys, JobSettings settings, Clock clock, SecureRandom random) {
        return new JobTokens(keys, settings, clock, random);
    }

    @Bean
    JobService jobService(AccessView view, JobTokens tokens, GrantsLog grantsLog, Clock clock, SecureRandom random) {
        return new JobService(view, tokens, grantsLog, clock, random);
    }
}
