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
 * @param segmentBytes         framed plaintext bytes per stored segment (one Kafka record holds a run of
 *                             records up to this size; a larger record is a segment of its own). Larger
 *                             segments cost Kafka less per record; smaller ones let a reader fetch a single
 *                             record with less to decrypt (docs/decisions/2026-12-07-stored-segments-and-ledger-commit.md)
 */
@Validated
@ConfigurationProperties("dsx.ingest")
public record IngestSettings(
        @Min(1024) @Max(1L << 30) @DefaultValue("67108864") long maxContributionBytes,
        @Min(1) @Max(10_000_000) @DefaultValue("1000000") long maxRecords,
        @Min(1024) @Max(8 << 20) @DefaultValue("131072") int segmentBytes) {}
