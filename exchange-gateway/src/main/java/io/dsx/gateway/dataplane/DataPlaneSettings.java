package io.dsx.gateway.dataplane;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.dataplane}.
 *
 * @param maskKeystore     PKCS#12 file holding the root secret of the keyed-hash mask (created on first
 *                         run; shared by gateways behind one load balancer; password {@code dsx.keys.password})
 * @param recheckRecords   a stream asks the read policy again after this many records ...
 * @param recheckInterval  ... or after this long, whichever comes first; a revoked or expired grant
 *                         ends the stream at that point
 * @param maxPageRecords   most records one response carries (a client asks again from the cursor)
 * @param pageRecords      a response leaves the gateway in pages of at most this many records (or
 *                         about 256 KiB, or what one second gathered); each page is handed to the read audit before its
 *                         bytes are written
 */
@Validated
@ConfigurationProperties("dsx.dataplane")
public record DataPlaneSettings(
        @NotNull Path maskKeystore,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int recheckRecords,
        @NotNull @DefaultValue("5s") Duration recheckInterval,
        @Min(1) @Max(10_000_000) @DefaultValue("1000000") int maxPageRecords,
        @Min(1) @Max(100_000) @DefaultValue("1000") int pageRecords) {}
