package io.dsx.gateway.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.audit} (docs/operations.md, "Audit log").
 *
 * @param partition          the partition of {@code dsx.audit} this gateway writes: one writer per partition
 *                           (transactional id {@code dsx-audit-<partition>}); a second gateway given the same
 *                           partition fences this one
 * @param checkpointEvery    a signed checkpoint after this many events
 * @param checkpointInterval ... or after this long when the log grew
 * @param keystore           PKCS#12 file holding the Ed25519 audit key (default: {@code audit-keys.p12} beside
 *                           the gateway key store); gateways writing one exchange's logs share it
 * @param keyName            the note key name that signs checkpoints; also the origin's prefix
 * @param maxBatch           events in one Kafka transaction at most (group commit)
 * @param queue              events waiting for a transaction at most; beyond, appends fail at once (503)
 * @param appendTimeout      how long an append waits for its transaction before it fails (503)
 */
@Validated
@ConfigurationProperties("dsx.audit")
public record AuditSettings(
        @Min(0) @Max(255) @DefaultValue("0") int partition,
        @Min(1) @Max(1_000_000) @DefaultValue("1000") int checkpointEvery,
        @NotNull @DefaultValue("10s") Duration checkpointInterval,
        Path keystore,
        @NotBlank @DefaultValue("dsx-audit") String keyName,
        @Min(1) @Max(65_536) @DefaultValue("4096") int maxBatch,
        @Min(1) @Max(1_000_000) @DefaultValue("65536") int queue,
        @NotNull @DefaultValue("15s") Duration appendTimeout) {

    public String transactionalId() {
        return "dsx-audit-" + partition;
    }
}
