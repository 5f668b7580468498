package io.dsx.gateway.web;

import io.dsx.gateway.config.GatewayProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public facts a participant needs before talking to this gateway. */
@RestController
public class WellKnownController {

    private final Map<String, Object> document;

    public WellKnownController(GatewayProperties properties, ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", "dsx-exchange-gateway");
        doc.put("version", info != null ? info.getVersion() : "unknown");
        doc.put("api", "v1");
        doc.put("gateway", properties.name());
        doc.put("issuer", properties.security().issuerUri());
        doc.put("audience", properties.security().audience());
        this.document = Map.copyOf(doc);
    }

    @Operation(summary = "The gateway's version and identity settings (public)")
    @GetMapping(value = "/.well-known/dsx", produces = "application/json")
    public Map<String, Object> wellKnown() {
        return new LinkedHashMap<>(document);
    }
}
