package io.dsx.gateway.catalog;

import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators register institutions and manage their signing keys (role check in SecurityConfig). */
@RestController
public class AdminInstitutionController {

    private final Catalog catalog;
    private final CatalogService service;

    public AdminInstitutionController(Catalog catalog, CatalogService service) {
        this.catalog = catalog;
        this.service = service;
    }

    public record InstitutionRequest(String id, String name, List<String> certificates) {}

    public record KeyRequest(String certificate) {}

    public record RevokeRequest(String reason) {}

    @Operation(summary = "Register an institution with its signing certificates (operators only)")
    @PostMapping(value = "/v1/admin/institutions", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> register(
            @AuthenticationPrincipal DsxPrincipal caller, @RequestBody InstitutionRequest request) {
        if (request == null) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "a JSON body is required");
        }
        Catalog.Institution i = service.registerInstitution(
                        caller.id(), request.id(), request.name(), request.certificates())
                .orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(InstitutionViews.view(catalog, i));
    }

    @Operation(summary = "Add a signing certificate to an institution (operators only)")
    @PostMapping(
            value = "/v1/admin/institutions/{id}/keys",
            consumes = "application/json",
            produces = "application/json")
    public ResponseEntity<Map<String, Object>> addKey(
            @AuthenticationPrincipal DsxPrincipal caller,
            @PathVariable("id") String id,
            @RequestBody KeyRequest request) {
        if (request == null) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "a JSON body is required");
        }
        Catalog.SignerKey key =
                service.addKey(caller.id(), id, request.certificate()).orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(InstitutionViews.key(catalog, id, key));
    }

    @Operation(summary = "Revoke an institution's signing key: it signs nothing from now on (operators only)")
    @PostMapping(value = "/v1/admin/institutions/{id}/keys/{keyId}/revoke", produces = "application/json")
    public Map<String, Object> revoke(
            @AuthenticationPrincipal DsxPrincipal caller,
            @PathVariable("id") String id,
            @PathVariable("keyId") String keyId,
            @RequestBody(required = false) RevokeRequest request) {
        String keyIdRevoked = service.revokeKey(caller.id(), id, keyId, request == null ? null : request.reason())
                .orThrow();
        return Map.of("keyId", keyIdRevoked, "status", "revoked");
    }
}
