package io.dsx.gateway.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.ingest}.
 *
 * @param maxContributionBytes largest accepted request body (the envelope)
 * @param maxRecords           most records in one contribution
 * @param maxGroupRecords      most records in one Kafka transaction when contributions arriving together
 *                             are written as a group (a larger contribution is still written whole, alone)
 */
@Validated
@ConfigurationProperties("dsx.ingest")
public record IngestSettings(@Min(1024) @Max(1L << 30) @DefaultValue("67108864") long maxContributionBytes,
                             @Min(1) @Max(10_000_000) @DefaultValue("1000000") long maxRecords,
                             @Min(1) @Max(10_000_000) @DefaultValue("50000") int maxGroupRecords) {
}
