package io.dsx.gateway.catalog;

import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The catalog API: metadata only, never data (docs/api.md). */
@RestController
public class CatalogController {

    private final Catalog catalog;
    private final CatalogService service;
    private final DatasetHoldings holdings;

    public CatalogController(Catalog catalog, CatalogService service, DatasetHoldings holdings) {
        this.catalog = catalog;
        this.service = service;
        this.holdings = holdings;
    }

    public record DatasetRequest(String id, String title, String description, List<String> duo, JsonNode schema) {}

    public record SchemaRequest(JsonNode schema) {}

    @Operation(summary = "Register a dataset of the caller's institution with its first schema version")
    @PostMapping(value = "/v1/datasets", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> register(
            @AuthenticationPrincipal DsxPrincipal caller, @RequestBody DatasetRequest request) {
        if (request == null) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "a JSON body is required");
        }
        Catalog.Dataset d = service.registerDataset(
                        caller.id(),
                        caller.institution(),
                        request.id(),
                        request.title(),
                        request.description(),
                        request.duo(),
                        schemaText(request.schema()))
                .orThrow();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", d.id(), "owner", d.owner(), "schemaVersion", 1));
    }

    @Operation(summary = "Add a backward-compatible schema version to a dataset of the caller's institution")
    @PostMapping(value = "/v1/datasets/{id}/schemas", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> addSchema(
            @AuthenticationPrincipal DsxPrincipal caller,
            @PathVariable("id") String id,
            @RequestBody SchemaRequest request) {
        if (request == null) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "a JSON body is required");
        }
        int version = service.addSchemaVersion(caller.id(), caller.institution(), id, schemaText(request.schema()))
                .orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "schemaVersion", version));
    }

    @Operation(summary = "The catalog's datasets (metadata only): search by text, tag or DUO code")
    @GetMapping(value = "/v1/datasets", produces = "application/json")
    public List<Map<String, Object>> datasets(
            @RequestParam(value = "q", required = false) String q,
            @RequestParam(value = "tag", required = false) String tag,
            @RequestParam(value = "duo", required = false) String duo) {
        DatasetSearch search = DatasetSearch.of(q, tag, duo);
        return catalog.datasets().stream()
                .filter(search::matches)
                .map(this::described)
                .toList();
    }

    @Operation(summary = "One dataset, with its fields' sensitivity and tags")
    @GetMapping(value = "/v1/datasets/{id}", produces = "application/json")
    public Map<String, Object> dataset(@PathVariable("id") String id) {
        return described(catalog.dataset(id).orElseThrow(() -> Refusal.of(Code.UNKNOWN_DATASET, "no dataset " + id)));
    }

    @Operation(summary = "A dataset's Avro schema of one version")
    @GetMapping(value = "/v1/datasets/{id}/schemas/{version}", produces = "application/json")
    public ResponseEntity<String> schema(@PathVariable("id") String id, @PathVariable("version") int version) {
        Catalog.Dataset d = catalog.dataset(id).orElseThrow(() -> Refusal.of(Code.UNKNOWN_DATASET, "no dataset " + id));
        return ResponseEntity.ok()
                .header("Content-Type", "application/json")
                .body(d.version(version)
                        .orElseThrow(() -> Refusal.of(
                                Code.UNKNOWN_SCHEMA_VERSION, "dataset " + id + " has no schema version " + version))
                        .avro()
                        .toString());
    }

    @Operation(summary = "An institution and its signing keys")
    @GetMapping(value = "/v1/institutions/{id}", produces = "application/json")
    public Map<String, Object> institution(@PathVariable("id") String id) {
        return InstitutionViews.view(
                catalog,
                catalog.institution(id)
                        .orElseThrow(() -> Refusal.of(Code.UNKNOWN_INSTITUTION, "no institution " + id)));
    }

    private Map<String, Object> described(Catalog.Dataset d) {
        Map<String, Object> out = summary(d);
        out.put("recordCount", holdings.recordCount(d.id()));
        out.put("fields", d.latest().policyFields());
        return out;
    }

    private static Map<String, Object> summary(Catalog.Dataset d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("owner", d.owner());
        out.put("title", d.title());
        out.put("description", d.description());
        out.put("duo", d.duo());
        out.put("latestSchemaVersion", d.latestVersion());
        return out;
    }

    private static String schemaText(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            throw Refusal.of(Code.INVALID_SCHEMA, "schema (an Avro schema as a JSON object) is required");
        }
        return schema.isString() ? schema.asString() : schema.toString();
    }
}
