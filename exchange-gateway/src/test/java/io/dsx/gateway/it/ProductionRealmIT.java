package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.compose.SharedStack;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * compose's production realm, imported into the run's real Keycloak (under another name beside the
 * demo realm): it has no users, its public client refuses the password grant, refresh tokens are
 * rotated, and the default roles do not include {@code offline_access}.
 */
class ProductionRealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theProductionRealmHasNoUsersNoPasswordGrantRotatedRefreshTokensAndNoOfflineAccessByDefault() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(SharedStack.get());
        Path file =
                Path.of(System.getProperty("dsx.stack.dir"), "..", "..", "keycloak", "dataspace-realm-production.json");
        String name = "prod-check-" + UUID.randomUUID().toString().substring(0, 8);
        tools.jackson.databind.node.ObjectNode realm =
                (tools.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(file));
        realm.put("realm", name);
        admin.importRealm(JSON.writeValueAsString(realm));

        assertThat(admin.get("/admin/realms/" + name + "/users/count").asInt()).isZero();
        JsonNode settings = admin.get("/admin/realms/" + name);
        assertThat(settings.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(settings.get("refreshTokenMaxReuse").asInt()).isZero();

        List<String> publicWithPasswordGrant = new ArrayList<>();
        for (JsonNode client : admin.get("/admin/realms/" + name + "/clients")) {
            if (client.path("publicClient").asBoolean()
                    && client.path("directAccessGrantsEnabled").asBoolean()) {
                publicWithPasswordGrant.add(client.get("clientId").asText());
            }
        }
        assertThat(publicWithPasswordGrant)
                .as("public clients with the password grant (Keycloak's built-ins too)")
                .isEmpty();
        // and Keycloak itself refuses the grant on the CLI's client
        HttpResponse<String> password = admin.tokenRequest(
                SharedStack.get().keycloak().baseUrl() + "/realms/" + name + "/protocol/openid-connect/token",
                "grant_type=password&client_id=dsx-cli&username=nobody&password=nothing");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unauthorized_client");

        String defaultRole = settings.get("defaultRole").get("id").asText();
        List<String> defaults = new ArrayList<>();
        for (JsonNode role : admin.get("/admin/realms/" + name + "/roles-by-id/" + defaultRole + "/composites")) {
            defaults.add(role.get("name").asText());
        }
        assertThat(defaults).doesNotContain("offline_access");
    }
}
