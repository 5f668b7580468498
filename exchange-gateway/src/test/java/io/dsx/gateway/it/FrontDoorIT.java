package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gateway's front door against real Keycloak tokens: who gets in, who is refused, and how. */
class FrontDoorIT extends GatewayIT {

    @Test
    void hospitalClientCredentialsTokenIsSeenAsThatInstitution() throws Exception {
        HttpResponse<String> response = get("/v1/me", stack().tokens().forInstitution("hospital-a"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("kind").asText()).isEqualTo("INSTITUTION");
        assertThat(me.get("institution").asText()).isEqualTo("hospital-a");
        assertThat(me.get("client").asText()).isEqualTo("hospital-a");
    }

    @Test
    void usersAreMappedWithTheirRolesAndAttributes() throws Exception {
        JsonNode researcher = JSON.readTree(
                get("/v1/me", stack().tokens().forUser("researcher")).body());
        assertThat(researcher.get("kind").asText()).isEqualTo("RESEARCHER");
        assertThat(researcher.get("affiliation").asText()).isEqualTo("University of Example");
        JsonNode steward = JSON.readTree(
                get("/v1/me", stack().tokens().forUser("steward-b")).body());
        assertThat(steward.get("kind").asText()).isEqualTo("STEWARD");
        assertThat(steward.get("institution").asText()).isEqualTo("hospital-b");
    }

    @Test
    void noTokenIsRefusedWithProblemJson() throws Exception {
        assertUnauthorized(get("/v1/me", null), "unauthenticated");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        // same claims and key id as a real token, signed with a key the realm never published
        SignedJWT real = SignedJWT.parse(stack().tokens().forInstitution("hospital-a"));
        assertUnauthorized(
                get("/v1/me", resign(real.getJWTClaimsSet(), real.getHeader().getKeyID())), "invalid_token");
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() throws Exception {
        SignedJWT real = SignedJWT.parse(stack().tokens().forInstitution("hospital-a"));
        JWTClaimsSet claims = new JWTClaimsSet.Builder(real.getJWTClaimsSet())
                .issuer("http://127.0.0.1:1/realms/elsewhere")
                .build();
        assertUnauthorized(get("/v1/me", resign(claims, "forger")), "invalid_token");
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String[] parts = stack().tokens().forInstitution("hospital-a").split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
        assertUnauthorized(get("/v1/me", none), "invalid_token");
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String[] parts = stack().tokens().forUser("researcher").split("\\.");
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                        JWTClaimsSet.parse(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)))
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("operator")))
                .build();
        String forged = parts[0] + "." + Base64URL.encode(claims.toString()) + "." + parts[2];
        assertUnauthorized(get("/v1/admin/config", forged), "invalid_token");
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(stack());
        String secret = admin.createShortLivedInstitutionClient("short-lived-hospital", "hospital-a", 1);
        String token = admin.clientCredentialsToken("short-lived-hospital", secret);
        assertThat(get("/v1/me", token).statusCode()).as("fresh token accepted").isEqualTo(200);
        long expiresAt =
                SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();
        while (System.currentTimeMillis() <= expiresAt + 1000) {
            Thread.sleep(250);
        }
        HttpResponse<String> response = get("/v1/me", token);
        assertUnauthorized(response, "invalid_token");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("expired");
    }

    @Test
    void researcherCallingAnOperatorEndpointIsForbidden() throws Exception {
        HttpResponse<String> response = get("/v1/admin/config", stack().tokens().forUser("researcher"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void operatorReadsTheConfiguration() throws Exception {
        HttpResponse<String> response = get("/v1/admin/config", stack().tokens().forUser("operator"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("security.issuerUri").asText())
                .isEqualTo(stack().keycloak().issuer());
    }

    @Test
    void publicEndpointsAnswerWithoutAToken() throws Exception {
        HttpResponse<String> wellKnown = get("/.well-known/dsx", null);
        assertThat(wellKnown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(wellKnown.body()).get("version").asText())
                .isNotBlank()
                .isNotEqualTo("unknown");
        assertThat(get("/v3/api-docs", null).body()).contains("/v1/me");
    }

    @Test
    void unknownPathOfAnAuthenticatedCallerIsAProblem() throws Exception {
        HttpResponse<String> response =
                get("/v1/no-such-thing", stack().tokens().forUser("operator"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    private static void assertUnauthorized(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asText()).isEqualTo(code);
    }

    private static String resign(JWTClaimsSet claims, String keyId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(keyId)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder(claims)
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
