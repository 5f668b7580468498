package io.dsx.gateway.it;

import io.dsx.compose.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Just enough of Keycloak's admin REST API for tests that need an extra client. */
final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakAdmin(LocalStack stack) {
        this.stack = stack;
    }

    /** Creates a confidential client whose access tokens live {@code lifespanSeconds}; returns its secret. */
    String createShortLivedInstitutionClient(String clientId, String institution, int lifespanSeconds)
            throws Exception {
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = Map.of(
                "clientId",
                clientId,
                "enabled",
                true,
                "publicClient",
                false,
                "secret",
                secret,
                "serviceAccountsEnabled",
                true,
                "standardFlowEnabled",
                false,
                "attributes",
                Map.of("access.token.lifespan", String.valueOf(lifespanSeconds)),
                "protocolMappers",
                List.of(
                        Map.of(
                                "name",
                                "aud",
                                "protocol",
                                "openid-connect",
                                "protocolMapper",
                                "oidc-audience-mapper",
                                "config",
                                Map.of("included.client.audience", "dsx-gateway", "access.token.claim", "true")),
                        Map.of(
                                "name",
                                "inst",
                                "protocol",
                                "openid-connect",
                                "protocolMapper",
                                "oidc-hardcoded-claim-mapper",
                                "config",
                                Map.of(
                                        "claim.name",
                                        "institution",
                                        "claim.value",
                                        institution,
                                        "jsonType.label",
                                        "String",
                                        "access.token.claim",
                                        "true"))));
        String admin = adminToken();
        String realm = stack.keycloak().baseUrl() + "/admin/realms/dataspace";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(realm + "/clients"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("client creation failed: " + created.statusCode() + " " + created.body());
        }
        // give the client's service account the institution realm role
        String clientUuid =
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        String user = JSON.readTree(http.send(
                                HttpRequest.newBuilder(
                                                URI.create(realm + "/clients/" + clientUuid + "/service-account-user"))
                                        .header("Authorization", "Bearer " + admin)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("id")
                .asText();
        String role = http.send(
                        HttpRequest.newBuilder(URI.create(realm + "/roles/institution"))
                                .header("Authorization", "Bearer " + admin)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> mapped = http.send(
                HttpRequest.newBuilder(URI.create(realm + "/users/" + user + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (mapped.statusCode() != 204) {
            throw new IOException("role mapping failed: " + mapped.statusCode() + " " + mapped.body());
        }
        return secret;
    }

    /** Imports a realm (as {@code --import-realm} would), under the realm name the JSON gives. */
    void importRealm(String realmJson) throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(stack.keycloak().baseUrl() + "/admin/realms"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(realmJson))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("realm import failed: " + created.statusCode() + " " + created.body());
        }
    }

    /** GET of an admin API path ({@code /admin/realms/...}), as JSON. */
    tools.jackson.databind.JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(stack.keycloak().baseUrl() + path))
                        .header("Authorization", "Bearer " + adminToken())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " failed: " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /** A token request's raw answer (status and body), for requests expected to be refused. */
    HttpResponse<String> tokenRequest(String endpoint, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String clientCredentialsToken(String clientId, String secret) throws Exception {
        return token(
                stack.keycloak().tokenEndpoint(),
                "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
    }

    private String adminToken() throws Exception {
        return token(
                stack.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password="
                        + enc(stack.credentials().keycloakAdminPassword()));
    }

    private String token(String endpoint, String form) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token request failed: " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
