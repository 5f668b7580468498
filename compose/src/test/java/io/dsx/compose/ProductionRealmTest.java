package io.dsx.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * compose's realm ({@code keycloak/dataspace-realm-production.json}) is the production one: no users,
 * no client secrets, no password grant on a public client, refresh tokens rotated, no
 * {@code offline_access} by default. ProductionRealmIT imports it into the real Keycloak.
 */
class ProductionRealmTest {

    private static final Path FILE = Path.of("keycloak", "dataspace-realm-production.json");

    @Test
    void theProductionRealmHasNoUsersNoSecretsAndNoPasswordGrantOnPublicClients() throws Exception {
        String text = Files.readString(FILE);
        JsonNode realm = new ObjectMapper().readTree(text);
        assertThat(realm.path("users").size()).isZero();
        assertThat(text).doesNotContain("${DSX_").doesNotContain("\"secret\"");
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("serviceAccountsEnabled").asBoolean())
                    .as(client.get("clientId").asText())
                    .isFalse();
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                        .as(client.get("clientId").asText())
                        .isFalse();
                assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
            }
        }
        assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.get("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.get("defaultRole").get("name").asText()).isEqualTo("default-roles-dataspace");
        // offline_access and its scope are listed, or Keycloak creates the role and makes it a default one
        assertThat(realm.get("roles").get("realm").findValuesAsText("name")).contains("offline_access");
        assertThat(realm.get("clientScopes").findValuesAsText("name")).contains("offline_access", "roles", "basic");
        assertThat(realm.get("defaultOptionalClientScopes").toString()).doesNotContain("offline_access");
        for (JsonNode role : realm.get("roles").get("realm")) {
            if (role.get("name").asText().equals("default-roles-dataspace")) {
                assertThat(role.path("composite").asBoolean()).isFalse();
                assertThat(role.has("composites")).isFalse();
            }
        }
    }

    @Test
    void composeImportsTheProductionRealmNotTheDemoOne() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose)
                .contains(
                        "./keycloak/dataspace-realm-production.json:/opt/keycloak/data/import/dataspace-realm.json:ro")
                .doesNotContain("./keycloak/dataspace-realm.json:");
    }
}
