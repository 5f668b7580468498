package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as served: it parses and validates (swagger-parser), names the API and its
 * real version, and describes every operation with an id, its security, its real success status and
 * its problem+json responses. docs/openapi.json is this document; the client generated from it
 * (openapi-generator, at build time) is used by {@link GeneratedClientIT}. Run with
 * {@code -Ddsx.openapi.write=true} to rewrite docs/openapi.json after an API change.
 */
class OpenApiIT extends GatewayIT {

    static final Path CHECKED_IN = Path.of(
            System.getProperty(
                    "maven.multiModuleProjectDirectory",
                    Path.of("..").toAbsolutePath().normalize().toString()),
            "docs",
            "openapi.json");

    @Test
    void theServedDocumentValidatesAndDescribesEveryOperationAsBuilt() throws Exception {
        String served = get("/v3/api-docs", null).body();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served);
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getInfo().getTitle()).isEqualTo("dsx exchange gateway API");
        assertThat(api.getInfo().getVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("keycloak", "jobToken");
        List<String> ids = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    String name = method + " " + path;
                    ids.add(op.getOperationId());
                    assertThat(op.getOperationId()).as(name).isNotBlank();
                    assertThat(op.getResponses().keySet()).as(name).anyMatch(k -> k.startsWith("2"));
                    if (!path.startsWith("/.well-known/")) {
                        assertThat(op.getSecurity()).as(name).isNotEmpty();
                        assertThat(op.getResponses()).as(name).containsKeys("401", "403");
                    }
                    op.getResponses().forEach((status, r) -> {
                        if (status.startsWith("4") || status.startsWith("5")) {
                            assertThat(r.getContent()).as(name + " " + status).containsKey("application/problem+json");
                            assertThat(r.getDescription())
                                    .as(name + " " + status)
                                    .contains("code: ");
                        }
                    });
                }));
        assertThat(ids).doesNotHaveDuplicates();
        Operation contribute =
                api.getPaths().get("/v1/datasets/{id}/contributions").getPost();
        assertThat(contribute.getResponses()).containsKeys("201", "200", "400", "413");
        assertThat(contribute.getRequestBody().getContent()).containsKey("application/vnd.dsx.contribution.v1+avro");
        assertThat(api.getPaths().get("/v1/access-requests").getPost().getResponses())
                .containsKeys("201", "422");
        assertThat(api.getPaths()
                        .get("/v1/access-requests")
                        .getPost()
                        .getRequestBody()
                        .getContent())
                .containsKey("application/json");

        if (Boolean.getBoolean("dsx.openapi.write")) {
            Files.writeString(CHECKED_IN, pretty(served) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(JSON.readTree(Files.readString(CHECKED_IN, StandardCharsets.UTF_8)))
                .as("docs/openapi.json is the served document (rewrite it with -Ddsx.openapi.write=true)")
                .isEqualTo(JSON.readTree(served));
    }

    static String pretty(String json) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readValue(json, Map.class));
    }
}
