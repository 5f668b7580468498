package io.dsx.gateway.web;

import io.dsx.gateway.outcome.Refusal;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document at {@code /v3/api-docs}, as built: title and the gateway's real version,
 * bearer security (Keycloak tokens; job tokens on the data plane), every operation's id, its real
 * success status and each problem+json response with the codes it may carry ({@link ApiDocs}).
 */
@Configuration
public class OpenApiConfig {

    static final String KEYCLOAK = "keycloak";
    static final String JOB_TOKEN = "jobToken";
    static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI dsxOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties b = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("dsx exchange gateway API")
                        .version(b == null ? "0.1.0-SNAPSHOT" : b.getVersion())
                        .description("The dsx data-space exchange: catalog, contributions, governed access, jobs and "
                                + "the data plane. Errors are RFC 9457 problem+json with a stable code (docs/api.md)."))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        KEYCLOAK,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "A Keycloak access token of realm dataspace, audience dsx-gateway"))
                                .addSecuritySchemes(
                                        JOB_TOKEN,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "A job token (EdDSA JWT, audience dsx-data-plane) from POST /v1/jobs")));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with a stable code")
                .addProperty("type", new StringSchema().example("urn:dsx:problem:unknown_dataset"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable error code"))
                .required(List.of("type", "title", "status", "code"));
    }

    @Bean
    OpenApiCustomizer dsxOperations() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            // added here, not on the OpenAPI bean: springdoc replaces the bean's schemas with the ones it computes
            api.getComponents().addSchemas("Problem", problemSchema());
            // a fixed server, not the address this request came in on: the document is the same everywhere
            api.setServers(List.of(new io.swagger.v3.oas.models.servers.Server()
                    .url("http://127.0.0.1:8080")
                    .description("the local stack (compose/run-local); any gateway serves the same API")));
            freeFormJson(api.getComponents());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
        };
    }

    static void describe(String path, PathItem.HttpMethod method, Operation op) {
        String key = method.name() + " " + path;
        ApiDocs.Op doc = ApiDocs.OPS.get(key);
        boolean open = path.startsWith("/.well-known/");
        boolean dataPlane = path.equals("/v1/jobs/{id}/records");
        op.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(dataPlane ? JOB_TOKEN : KEYCLOAK)));
        if (doc == null) {
            return;
        }
        op.setOperationId(doc.id());
        op.setTags(List.of(tag(path)));
        ApiResponses responses = new ApiResponses();
        ApiResponse success = firstSuccess(op.getResponses());
        success.setDescription(
                success.getDescription() == null
                                || success.getDescription().isBlank()
                                || success.getDescription().equals("OK")
                        ? HttpStatus.valueOf(doc.success()).getReasonPhrase()
                        : success.getDescription());
        responses.addApiResponse(String.valueOf(doc.success()), success);
        if (key.equals("POST /v1/datasets/{id}/contributions")) {
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description("the same contribution again: its first receipt")
                            .content(success.getContent()));
            op.setRequestBody(new RequestBody()
                    .required(true)
                    .content(new Content()
                            .addMediaType(
                                    "application/vnd.dsx.contribution.v1+avro",
                                    new MediaType().schema(new BinarySchema()))));
        }
        if (dataPlane) {
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description("the records: NDJSON lines, or an Avro container")
                            .content(new Content()
                                    .addMediaType("application/x-ndjson", new MediaType().schema(new StringSchema()))
                                    .addMediaType(
                                            "application/vnd.apache.avro+container",
                                            new MediaType().schema(new BinarySchema()))));
        }
        Map<Integer, List<Refusal.Code>> problems = new TreeMap<>(doc.problems());
        if (!open) {
            problems.merge(401, ApiDocs.AUTH, OpenApiConfig::union);
            problems.merge(403, ApiDocs.FORBIDDEN, OpenApiConfig::union);
        }
        problems.forEach((status, codes) -> responses.addApiResponse(String.valueOf(status), problem(status, codes)));
        op.setResponses(responses);
    }

    /**
     * An Avro schema travels as any JSON object; springdoc describes Jackson's JsonNode class instead
     * (a schema named JsonNode with the class's getters), which clients would try to build.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void freeFormJson(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().remove("JsonNode");
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            ((Map<String, Schema>) schema.getProperties())
                    .replaceAll((name, property) ->
                            property.get$ref() != null && property.get$ref().endsWith("/JsonNode")
                                    ? new ObjectSchema().description("any JSON object (an Avro schema)")
                                    : property);
        }
    }

    /** One tag per area, so a generated client has one class per area (CatalogApi, AccessApi, ...). */
    static String tag(String path) {
        if (path.startsWith("/v1/admin")) {
            return "admin";
        }
        if (path.endsWith("/contributions")) {
            return "contributions";
        }
        if (path.startsWith("/v1/datasets") || path.startsWith("/v1/institutions")) {
            return "catalog";
        }
        if (path.startsWith("/v1/access-requests")
                || path.startsWith("/v1/grants")
                || path.startsWith("/v1/register")) {
            return "access";
        }
        if (path.startsWith("/v1/jobs") || path.endsWith("dsx-job-keys")) {
            return "jobs";
        }
        return "gateway";
    }

    private static ApiResponse firstSuccess(ApiResponses existing) {
        if (existing != null) {
            for (Map.Entry<String, ApiResponse> e : existing.entrySet()) {
                if (e.getKey().startsWith("2")) {
                    return e.getValue();
                }
            }
        }
        return new ApiResponse();
    }

    private static List<Refusal.Code> union(List<Refusal.Code> a, List<Refusal.Code> b) {
        List<Refusal.Code> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    @SuppressWarnings("rawtypes")
    private static ApiResponse problem(int status, List<Refusal.Code> codes) {
        Schema schema = new Schema<>().$ref(PROBLEM);
        String names = String.join(", ", codes.stream().map(Refusal.Code::wire).toList());
        return new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + " (code: " + names + ")")
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
    }
}
