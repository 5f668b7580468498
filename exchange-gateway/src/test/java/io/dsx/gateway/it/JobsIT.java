package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Jobs under grants and their tokens, against the real broker and Keycloak. */
class JobsIT extends GatewayIT {

    static final String DIGEST = "sha256:" + "ab".repeat(32);

    /** A granted request of the researcher on a fresh dataset of hospital-a; returns its id. */
    String grant() throws Exception {
        String id = "job-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> ds = postJson(
                "/v1/datasets",
                stack().tokens().forInstitution("hospital-a"),
                JSON.writeValueAsString(Map.of(
                        "id",
                        id,
                        "title",
                        "Jobs test",
                        "description",
                        "",
                        "duo",
                        List.of("DUO:0000006"),
                        "schema",
                        JSON.readTree(AccessIT.SCHEMA))));
        assertThat(ds.statusCode()).as(ds.body()).isEqualTo(201);
        HttpResponse<String> r = postJson(
                "/v1/access-requests",
                stack().tokens().forUser("researcher"),
                JSON.writeValueAsString(Map.of(
                        "dataset",
                        id,
                        "fields",
                        List.of("ward", "postcode"),
                        "purpose",
                        Map.of("code", "HMB"),
                        "project",
                        "jobs",
                        "durationDays",
                        10)));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asText()).as(r.body()).isEqualTo("granted");
        return body.get("id").asText();
    }

    JsonNode submit(String grant) throws Exception {
        HttpResponse<String> r = postJson(
                "/v1/jobs",
                stack().tokens().forUser("researcher"),
                JSON.writeValueAsString(Map.of("grant", grant, "codeDigest", DIGEST, "description", "cohort counts")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    @Test
    void aJobUnderALiveGrantGetsAShortLivedTokenVerifiableWithThePublishedKeys() throws Exception {
        String grant = grant();
        JsonNode job = submit(grant);
        String token = job.get("token").asText();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(claims.get("aud").asText()).isEqualTo("dsx-data-plane");
        assertThat(claims.get("dsx_job").asText()).isEqualTo(job.get("id").asText());
        assertThat(claims.get("dsx_grant").asText()).isEqualTo(grant);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(3600);

        HttpResponse<String> jwks = get("/.well-known/dsx-job-keys", null);
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains(header.get("kid").asText()).contains("\"crv\":\"Ed25519\"");

        // a job token is no Keycloak token: refused everywhere but the data plane
        HttpResponse<String> elsewhere = get("/v1/datasets", token);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        // the job is kept, and listed for its researcher
        assertThat(get("/v1/jobs", stack().tokens().forUser("researcher")).body())
                .contains(job.get("id").asText());
    }

    @Test
    void noJobWithoutALiveGrantOfYourOwn() throws Exception {
        String grant = grant();
        HttpResponse<String> badDigest = postJson(
                "/v1/jobs",
                stack().tokens().forUser("researcher"),
                JSON.writeValueAsString(Map.of("grant", grant, "codeDigest", "md5:00", "description", "x")));
        assertThat(badDigest.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = postJson(
                "/v1/jobs",
                stack().tokens().forUser("researcher"),
                JSON.writeValueAsString(Map.of(
                        "grant", "0193a0d2-0000-7000-8000-000000000000", "codeDigest", DIGEST, "description", "x")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> steward = postJson(
                "/v1/jobs",
                stack().tokens().forUser("steward-a"),
                JSON.writeValueAsString(Map.of("grant", grant, "codeDigest", DIGEST, "description", "x")));
        assertThat(steward.statusCode()).isEqualTo(403);

        String jobId = submit(grant).get("id").asText();
        postJson(
                "/v1/access-requests/" + grant + "/revocation",
                stack().tokens().forUser("steward-a"),
                "{\"reason\":\"ended\"}");
        HttpResponse<String> refreshed =
                postJson("/v1/jobs/" + jobId + "/token", stack().tokens().forUser("researcher"), "");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(403);
        assertThat(JSON.readTree(refreshed.body()).get("code").asText()).isEqualTo("grant_not_live");
        HttpResponse<String> again = postJson(
                "/v1/jobs",
                stack().tokens().forUser("researcher"),
                JSON.writeValueAsString(Map.of("grant", grant, "codeDigest", DIGEST, "description", "x")));
        assertThat(again.statusCode()).isEqualTo(403);
    }
}
