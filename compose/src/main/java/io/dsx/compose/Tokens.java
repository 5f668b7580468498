package io.dsx.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets access tokens for the demo identities from the realm's token endpoint. */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String tokenEndpoint;
    private final StackCredentials credentials;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Tokens(String tokenEndpoint, StackCredentials credentials) {
        this.tokenEndpoint = tokenEndpoint;
        this.credentials = credentials;
    }

    /** A token for an institution's confidential client ({@code hospital-a}, {@code hospital-b}). */
    public String forInstitution(String clientId) throws IOException, InterruptedException {
        return request(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                credentials.hospitalSecret(clientId)));
    }

    /** A token for a demo user ({@code researcher}, {@code steward-a}, {@code auditor}, ...) via the CLI client. */
    public String forUser(String username) throws IOException, InterruptedException {
        return request(Map.of(
                "grant_type",
                "password",
                "client_id",
                "dsx-cli",
                "username",
                username,
                "password",
                credentials.userPassword(username),
                "scope",
                "openid"));
    }

    private String request(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // Keycloak's error body names the problem (invalid_client, ...) and carries no secret
            throw new IOException("token request for " + form.get("client_id") + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).get("access_token");
        if (token == null) {
            throw new IOException("token response without access_token");
        }
        return token.asText();
    }
}
