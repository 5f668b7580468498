package io.dsx.gateway.keys;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.keys}. There is no default password: a gateway without one refuses to start.
 *
 * @param gatewayKeystore PKCS#12 file of the gateway's HPKE and receipt keys (created on first run)
 * @param kmsKeystore     PKCS#12 file of the local KMS's KEKs (created on first run)
 * @param password        password of both files (from the environment: {@code DSX_KEYS_PASSWORD})
 * @param kekName         the KEK that wraps new DEKs
 * @param dekMaxRecords   a DEK encrypts at most this many records before it is rotated
 * @param dekMaxAge       a DEK is rotated when older than this
 */
@Validated
@ConfigurationProperties("dsx.keys")
public record KeySettings(
        @NotNull Path gatewayKeystore,
        @NotNull Path kmsKeystore,
        @NotBlank String password,
        @NotBlank @DefaultValue("dsx-kek-1") String kekName,
        @Min(1) @DefaultValue("1000000") long dekMaxRecords,
        @NotNull @DefaultValue("1d") Duration dekMaxAge) {

    @Override
    public String toString() {
        return "KeySettings[gatewayKeystore=" + gatewayKeystore + ", kmsKeystore=" + kmsKeystore
                + ", password=***, kekName=" + kekName + ", dekMaxRecords=" + dekMaxRecords + ", dekMaxAge=" + dekMaxAge
                + "]";
    }
}
