package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Governed access end to end against the real broker, the real Keycloak (the researcher's GA4GH
 * visas come from the realm) and the reference Rego bundle: denied with a reason naming the rule,
 * granted with exactly the permitted fields, pending until a steward of the owning institution
 * approves, another institution's steward refused, revocation, the public register.
 */
public class AccessIT extends GatewayIT {

    public static final String SCHEMA = """
            {"type":"record","name":"Visit","namespace":"org.example.access","fields":[
              {"name":"patient","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"birth_year","type":"int","dsx.sensitivity":"quasi_identifier"},
              {"name":"postcode","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"visit_date","type":"string","dsx.sensitivity":"quasi_identifier","dsx.tags":["date"]},
              {"name":"diagnosis","type":"string","dsx.sensitivity":"sensitive","dsx.tags":["diagnosis"]},
              {"name":"ward","type":"string","dsx.sensitivity":"non_sensitive"},
              {"name":"consent_research","type":"boolean","dsx.sensitivity":"non_sensitive","dsx.tags":["consent"]}]}""";

    /** Registers a dataset of hospital-a with these DUO codes; returns its id. */
    String dataset(String... duo) throws Exception {
        String id = "acc-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = postJson(
                "/v1/datasets",
                stack().tokens().forInstitution("hospital-a"),
                JSON.writeValueAsString(Map.of(
                        "id",
                        id,
                        "title",
                        "Access test " + id,
                        "description",
                        "visits",
                        "duo",
                        List.of(duo),
                        "schema",
                        JSON.readTree(SCHEMA))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }

    JsonNode request(String dataset, List<String> fields, Map<String, Object> purpose, String ethics) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "dataset",
                dataset,
                "fields",
                fields,
                "purpose",
                purpose,
                "project",
                "Heart failure outcomes",
                "durationDays",
                30));
        if (ethics != null) {
            body.put("ethicsApproval", ethics);
        }
        HttpResponse<String> r =
                postJson("/v1/access-requests", stack().tokens().forUser("researcher"), JSON.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aPurposeTheConsentDoesNotAdmitIsDeniedWithAReasonNamingTheRule() throws Exception {
        String ds = dataset("DUO:0000006");
        JsonNode r = request(ds, List.of("ward"), Map.of("code", "GRU"), null);
        assertThat(r.get("status").asText()).isEqualTo("denied");
        assertThat(texts(r.get("decision").get("reasons"))).anyMatch(s -> s.startsWith("duo.hmb:"));
        assertThat(r.has("grant")).isFalse();
        assertThat(r.get("decision").get("policyRevision").asText()).startsWith("sha256:");
    }

    @Test
    void aSatisfiedRequestIsGrantedWithExactlyThePermittedFields() throws Exception {
        String ds = dataset("DUO:0000006");
        JsonNode r = request(
                ds,
                List.of("patient", "ward", "birth_year", "visit_date", "diagnosis"),
                Map.of("code", "HMB"),
                "METC-2026-017");
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("granted");
        JsonNode grant = r.get("grant");
        assertThat(texts(grant.get("fields"))).containsExactly("birth_year", "diagnosis", "visit_date", "ward");
        assertThat(grant.get("obligations").get("mask").get("birth_year").asText())
                .isEqualTo("bucket:5");
        assertThat(grant.get("obligations").get("mask").get("visit_date").asText())
                .isEqualTo("month");
        assertThat(grant.get("obligations")
                        .get("row_filter")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("consent_research");
        assertThat(texts(r.get("decision").get("reasons"))).anyMatch(s -> s.contains("patient withheld"));
        // the researcher sees it among their grants
        HttpResponse<String> grants = get("/v1/grants", stack().tokens().forUser("researcher"));
        assertThat(grants.body()).contains(r.get("id").asText());
    }

    @Test
    void aRequestThatNeedsReviewWaitsForAStewardOfTheOwningInstitution() throws Exception {
        String ds = dataset("DUO:0000006", "DUO:0000020");
        JsonNode r = request(ds, List.of("ward", "postcode"), Map.of("code", "HMB"), null);
        String id = r.get("id").asText();
        assertThat(r.get("status").asText()).isEqualTo("pending");
        assertThat(texts(r.get("decision").get("obligations").get("requires_approval")))
                .anyMatch(s -> s.startsWith("duo.col:"));

        HttpResponse<String> other = postJson(
                "/v1/access-requests/" + id + "/approval", stack().tokens().forUser("steward-b"), "{}");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("not_owner");
        HttpResponse<String> self = postJson(
                "/v1/access-requests/" + id + "/approval", stack().tokens().forUser("researcher"), "{}");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(get(
                                        "/v1/access-requests/" + id,
                                        stack().tokens().forUser("researcher"))
                                .body())
                        .get("status")
                        .asText())
                .isEqualTo("pending");

        String stewardA = stack().tokens().forUser("steward-a");
        assertThat(get("/v1/access-requests?status=pending", stewardA).body()).contains(id);
        HttpResponse<String> approved = postJson(
                "/v1/access-requests/" + id + "/approval",
                stewardA,
                "{\"fields\":[\"ward\"],\"note\":\"collaboration agreed\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(approved.body());
        assertThat(a.get("status").asText()).isEqualTo("granted");
        assertThat(texts(a.get("grant").get("fields"))).containsExactly("ward");
        assertThat(a.get("grant").get("obligations").get("mask").size()).isZero();
        assertThat(a.get("review").get("institution").asText()).isEqualTo("hospital-a");

        HttpResponse<String> again = postJson("/v1/access-requests/" + id + "/approval", stewardA, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("code").asText()).isEqualTo("request_not_pending");
    }

    @Test
    void aStewardMayNotApproveFieldsThePolicyDidNotPermit() throws Exception {
        String ds = dataset("DUO:0000006", "DUO:0000020");
        String id = request(ds, List.of("ward"), Map.of("code", "HMB"), null)
                .get("id")
                .asText();
        HttpResponse<String> r = postJson(
                "/v1/access-requests/" + id + "/approval",
                stack().tokens().forUser("steward-a"),
                "{\"fields\":[\"ward\",\"patient\"]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("field_not_permitted");
    }

    @Test
    void aStewardDeniesAndRevokesAndTheRegisterShowsApprovedUsesWithoutPersonalData() throws Exception {
        String ds = dataset("DUO:0000006", "DUO:0000020");
        String stewardA = stack().tokens().forUser("steward-a");
        String denied = request(ds, List.of("ward"), Map.of("code", "HMB"), null)
                .get("id")
                .asText();
        HttpResponse<String> d = postJson(
                "/v1/access-requests/" + denied + "/denial", stewardA, "{\"reason\":\"no collaboration agreement\"}");
        assertThat(JSON.readTree(d.body()).get("status").asText()).isEqualTo("denied");

        String granted = request(ds, List.of("ward"), Map.of("code", "HMB"), null)
                .get("id")
                .asText();
        postJson("/v1/access-requests/" + granted + "/approval", stewardA, "{}");
        HttpResponse<String> foreign = postJson(
                "/v1/access-requests/" + granted + "/revocation",
                stack().tokens().forUser("steward-b"),
                "{\"reason\":\"not mine\"}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = postJson(
                "/v1/access-requests/" + granted + "/revocation", stewardA, "{\"reason\":\"project ended early\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(JSON.readTree(revoked.body()).get("status").asText()).isEqualTo("revoked");

        HttpResponse<String> register = get("/v1/register", stack().tokens().forUser("auditor"));
        assertThat(register.statusCode()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode e : JSON.readTree(register.body())) {
            if (e.get("dataset").asText().equals(ds)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("status").asText()).isEqualTo("revoked");
        assertThat(entry.get("project").asText()).isEqualTo("Heart failure outcomes");
        assertThat(entry.get("organisation").asText()).isEqualTo("University of Example");
        assertThat(register.body())
                .doesNotContain("researcher@")
                .doesNotContain("\"researcher\"")
                .doesNotContain(JSON.readTree(get("/v1/me", stack().tokens().forUser("researcher"))
                                .body())
                        .get("id")
                        .asText());
    }

    @Test
    void badRequestsGetProblemsAndChangeNothing() throws Exception {
        String researcher = stack().tokens().forUser("researcher");
        String ds = dataset("DUO:0000006");
        assertProblem(
                postJson(
                        "/v1/access-requests",
                        researcher,
                        "{\"dataset\":\"no-such-dataset\",\"fields\":[\"a\"],"
                                + "\"purpose\":{\"code\":\"HMB\"},\"project\":\"p\"}"),
                404,
                "unknown_dataset");
        assertProblem(
                postJson(
                        "/v1/access-requests",
                        researcher,
                        "{\"dataset\":\"" + ds + "\",\"fields\":[\"salary\"],"
                                + "\"purpose\":{\"code\":\"HMB\"},\"project\":\"p\"}"),
                422,
                "unknown_field");
        assertProblem(
                postJson(
                        "/v1/access-requests",
                        researcher,
                        "{\"dataset\":\"" + ds + "\",\"fields\":[\"ward\"],"
                                + "\"purpose\":{\"code\":\"hmb; drop\"},\"project\":\"p\"}"),
                400,
                "malformed_request");
        assertProblem(postJson("/v1/access-requests", researcher, "{\"dataset\":"), 400, "bad_request");
        assertProblem(get("/v1/access-requests/not-an-id", researcher), 404, "unknown_access_request");
        assertProblem(postJson("/v1/access-requests", stack().tokens().forUser("steward-a"), "{}"), 403, "forbidden");
        assertThat(JSON.readTree(get("/v1/access-requests", researcher).body()).toString())
                .doesNotContain("salary");
    }

    @Test
    void aSecondGatewaySeesTheSameRequestsGrantsAndRevocations() throws Exception {
        String ds = dataset("DUO:0000006", "DUO:0000020");
        String pending = request(ds, List.of("ward"), Map.of("code", "HMB"), null)
                .get("id")
                .asText();
        String granted = request(ds, List.of("ward"), Map.of("code", "HMB"), null)
                .get("id")
                .asText();
        String stewardA = stack().tokens().forUser("steward-a");
        postJson("/v1/access-requests/" + granted + "/approval", stewardA, "{}");

        var second = startAnotherGateway("gateway-access-2");
        try {
            String other = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
            // rebuilt from dsx.grants at start: as a restarted gateway would
            assertThat(statusAt(other, pending, stewardA)).isEqualTo("pending");
            assertThat(statusAt(other, granted, stewardA)).isEqualTo("granted");
            // a change made on the second gateway reaches the first one by following dsx.grants
            HttpResponse<String> revoked = HTTP.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(other + "/v1/access-requests/" + granted + "/revocation"))
                            .header("Authorization", "Bearer " + stewardA)
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"ended\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            String here;
            do {
                here = statusAt("http://127.0.0.1:" + port, granted, stewardA);
            } while (!here.equals("revoked") && System.nanoTime() < deadline && pause());
            assertThat(here).isEqualTo("revoked");
        } finally {
            second.close();
        }
    }

    private static String statusAt(String base, String id, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/access-requests/" + id))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("status").asText();
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }
}
