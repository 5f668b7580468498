package io.dsx.connectors.contributor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) against Keycloak's token endpoint,
 * with the secret in the form body (client_secret_post). The token is reused until 30 seconds
 * before it expires. The secret never appears in a message or in {@link #toString()}.
 */
public final class ClientCredentialsTokens implements TokenSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String clientId;
    private final String secret;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsTokens(URI endpoint, String clientId, String secret, HttpClient http, Clock clock) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.secret = secret;
        this.http = http;
        this.clock = clock;
    }

    /** Keycloak's token endpoint of a realm issuer ({@code .../realms/dataspace}). */
    public static URI keycloakEndpoint(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/protocol/openid-connect/token");
    }

    @Override
    public synchronized String token() throws GatewayException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() throws GatewayException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException(0, GatewayException.UNREACHABLE, "token endpoint " + endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, GatewayException.UNREACHABLE, "interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            // Keycloak answers {"error": "invalid_client", "error_description": ...}: no secret in it.
            String error =
                    body != null && body.hasNonNull("error") ? body.get("error").asText() : "no access_token";
            throw new GatewayException(
                    response.statusCode(), "token_refused", "client " + clientId + " at " + endpoint + ": " + error);
        }
        Instant now = clock.instant();
        long expiresIn = body.path("expires_in").asLong(60);
        token = body.get("access_token").asText();
        renewAt = now.plusSeconds(expiresIn).minus(EARLY);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[" + clientId + "@" + endpoint + ", secret=***]";
    }
}
