package io.dsx.gateway.jobs;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.jobs}.
 *
 * @param tokenKeystore   PKCS#12 file of the job-token signing keys (created on first run; gateways
 *                        behind one load balancer share it, as they share the other key stores;
 *                        its password is {@code dsx.keys.password})
 * @param tokenTtl        lifetime of a job token (at most 1 hour)
 * @param keyRotation     a gateway starting with a current key older than this makes a new one
 * @param issuer          the {@code iss} of job tokens
 */
@Validated
@ConfigurationProperties("dsx.jobs")
public record JobSettings(
        @NotNull Path tokenKeystore,
        @NotNull @DefaultValue("15m") Duration tokenTtl,
        @NotNull @DefaultValue("30d") Duration keyRotation,
        @NotNull @DefaultValue("urn:dsx:gateway") String issuer) {

    public JobSettings {
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("dsx.jobs.token-ttl must be more than 0 and at most 1h");
        }
    }
}
