package io.dsx.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.*}. The gateway refuses to start when one is missing or invalid.
 *
 * @param name     this gateway instance's name: published in /.well-known/dsx and /v1/admin/config, and the
 *                 root of its Kafka transactional ids (each gateway sharing a broker needs its own)
 * @param security how access tokens are validated
 */
@Validated
@ConfigurationProperties("dsx")
public record GatewayProperties(
        @NotBlank @DefaultValue("gateway-1") String name,
        @NotNull @Valid Security security) {

    /**
     * @param issuerUri          the Keycloak realm that issues tokens; must equal each token's {@code iss}
     * @param jwkSetUri          where the realm's signing keys are fetched (default: the realm's certs endpoint)
     * @param audience           the audience each token must carry ({@code aud})
     * @param allowedAlgorithms  JWS algorithms accepted; anything else (none, HS256, ...) is refused
     * @param clockSkew          tolerance on {@code exp}/{@code nbf}
     */
    public record Security(
            @NotBlank String issuerUri,
            String jwkSetUri,
            @NotBlank @DefaultValue("dsx-gateway") String audience,

            @NotEmpty @DefaultValue({"RS256", "PS256", "ES256"})
            List<String> allowedAlgorithms,

            @NotNull @DefaultValue("30s") Duration clockSkew) {

        public String effectiveJwkSetUri() {
            return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
        }
    }
}
