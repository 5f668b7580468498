package io.dsx.gateway.web;

import io.dsx.gateway.config.GatewayProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator-only endpoints (authorization in {@code SecurityConfig}: role {@code operator}). */
@RestController
public class AdminController {

    private final GatewayProperties properties;
    private final String bootstrapServers;

    public AdminController(
            GatewayProperties properties, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
    }

    @Operation(summary = "The gateway's effective, non-secret configuration (operators only)")
    @GetMapping(value = "/v1/admin/config", produces = "application/json")
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("gateway", properties.name());
        config.put("kafka.bootstrapServers", bootstrapServers);
        config.put("security.issuerUri", properties.security().issuerUri());
        config.put("security.jwkSetUri", properties.security().effectiveJwkSetUri());
        config.put("security.audience", properties.security().audience());
        config.put("security.allowedAlgorithms", properties.security().allowedAlgorithms());
        config.put("security.clockSkew", properties.security().clockSkew().toString());
        return config;
    }
}
