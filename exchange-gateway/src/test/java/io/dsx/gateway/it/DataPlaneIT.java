package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The data plane against the real broker, Keycloak and the reference policy: 40 records
 * contributed through the real signed, encrypted path; jobs read only what their grants permit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPlaneIT extends GatewayIT {

    static final int RECORDS = 40;
    String dataset;
    final List<String> patients = new ArrayList<>();
    final List<String> postcodes = new ArrayList<>();

    @BeforeAll
    void contribute() throws Exception {
        InstitutionCredentials creds = enrol("hospital-a");
        dataset = "dp-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> ds = postJson(
                "/v1/datasets",
                stack().tokens().forInstitution("hospital-a"),
                JSON.writeValueAsString(Map.of(
                        "id",
                        dataset,
                        "title",
                        "Data plane",
                        "description",
                        "",
                        "duo",
                        List.of("DUO:0000006"),
                        "schema",
                        JSON.readTree(AccessIT.SCHEMA))));
        assertThat(ds.statusCode()).as(ds.body()).isEqualTo(201);
        DatasetSchema schema = DatasetSchema.parse(AccessIT.SCHEMA);
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            GenericRecord r = new GenericData.Record(schema.avro());
            String patient = "PATIENT-" + java.util.UUID.randomUUID();
            String postcode = "PC" + (1000 + i % 7) + "XY";
            patients.add(patient);
            postcodes.add(postcode);
            r.put("patient", patient);
            r.put("birth_year", 1950 + i);
            r.put("postcode", postcode);
            r.put("visit_date", "2024-0" + (1 + i % 9) + "-15");
            r.put("diagnosis", "I" + (10 + i));
            r.put("ward", "ward-" + (i % 3));
            r.put("consent_research", i % 4 != 0); // every 4th patient did not consent
            records.add(r);
        }
        ContributionBuilder builder = new ContributionBuilder(Clock.systemUTC(), new SecureRandom());
        byte[] envelope = builder.build(
                        new ContributionBuilder.Target(
                                "hospital-a", dataset, schema, 1, gatewayHpkeKey(), creds.signingKey(), creds.keyId()),
                        records)
                .toBytes();
        HttpResponse<String> accepted = send(
                "POST",
                "/v1/datasets/" + dataset + "/contributions",
                stack().tokens().forInstitution("hospital-a"),
                ContributionIT.MEDIA,
                envelope);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (JSON.readTree(get("/v1/datasets/" + dataset, stack().tokens().forUser("researcher"))
                                        .body())
                                .get("recordCount")
                                .asLong()
                        < RECORDS
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    String grant(List<String> fields) throws Exception {
        HttpResponse<String> r = postJson(
                "/v1/access-requests",
                stack().tokens().forUser("researcher"),
                JSON.writeValueAsString(Map.of(
                        "dataset",
                        dataset,
                        "fields",
                        fields,
                        "purpose",
                        Map.of("code", "HMB"),
                        "project",
                        "plane",
                        "ethicsApproval",
                        "METC-1",
                        "durationDays",
                        10)));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asText()).as(r.body()).isEqualTo("granted");
        return body.get("id").asText();
    }

    JsonNode job(String grant) throws Exception {
        return job(grant, stack().tokens().forUser("researcher"));
    }

    JsonNode job(String grant, String researcher) throws Exception {
        HttpResponse<String> r = postJson(
                "/v1/jobs",
                researcher,
                JSON.writeValueAsString(Map.of(
                        "grant", grant, "codeDigest", "sha256:" + "cd".repeat(32), "description", "plane test")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    HttpResponse<String> records(String jobId, String token, String query) throws Exception {
        return get("/v1/jobs/" + jobId + "/records" + (query == null ? "" : "?" + query), token);
    }

    static List<JsonNode> lines(String body) {
        List<JsonNode> out = new ArrayList<>();
        body.lines().forEach(l -> out.add(JSON.readTree(l)));
        return out;
    }

    @Test
    void aJobReceivesOnlyPermittedFieldsMaskedAndFiltered() throws Exception {
        JsonNode job = job(grant(List.of("patient", "ward", "postcode", "visit_date", "birth_year")));
        HttpResponse<String> r =
                records(job.get("id").asText(), job.get("token").asText(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(r.body());
        List<String> schemaFields = new ArrayList<>();
        lines.get(0)
                .get("schema")
                .get("fields")
                .forEach(f -> schemaFields.add(f.get("name").asText()));
        assertThat(schemaFields).containsExactly("birth_year", "postcode", "visit_date", "ward");
        List<JsonNode> recs = lines.stream()
                .filter(l -> l.has("record"))
                .map(l -> l.get("record"))
                .toList();
        assertThat(recs).hasSize(RECORDS - RECORDS / 4); // non-consenting records are absent
        for (JsonNode rec : recs) {
            Set<String> names = new HashSet<>();
            rec.propertyNames().forEach(names::add);
            assertThat(names).containsExactlyInAnyOrder("birth_year", "postcode", "visit_date", "ward");
            assertThat(rec.get("visit_date").asText()).matches("2024-0[1-9]");
            assertThat(rec.get("birth_year").asLong() % 5).isZero();
            assertThat(postcodes).doesNotContain(rec.get("postcode").asText());
        }
        for (String p : patients) {
            assertThat(r.body()).doesNotContain(p);
        }
        assertThat(lines.get(lines.size() - 1).get("end").get("cursor").isNull())
                .isTrue();
    }

    @Test
    void oneSubjectsKeyedHashDiffersBetweenTwoGrantsAndIsStableWithinOne() throws Exception {
        JsonNode a = job(grant(List.of("postcode")));
        JsonNode b = job(grant(List.of("postcode")));
        List<JsonNode> ra = lines(
                records(a.get("id").asText(), a.get("token").asText(), null).body());
        List<JsonNode> rb = lines(
                records(b.get("id").asText(), b.get("token").asText(), null).body());
        String a1 = ra.get(1).get("record").get("postcode").asText();
        String b1 = rb.get(1).get("record").get("postcode").asText();
        assertThat(a1).isNotEqualTo(b1);
        // the same postcode recurs every 7 records: same hash within grant a
        String again = lines(records(a.get("id").asText(), a.get("token").asText(), null)
                        .body())
                .get(1)
                .get("record")
                .get("postcode")
                .asText();
        assertThat(again).isEqualTo(a1);
    }

    @Test
    void avroOnRequestAndCursorsResume() throws Exception {
        JsonNode job = job(grant(List.of("ward")));
        String id = job.get("id").asText();
        String token = job.get("token").asText();
        HttpResponse<byte[]> avro = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/jobs/" + id + "/records"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/vnd.apache.avro+container")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(avro.statusCode()).isEqualTo(200);
        int n = 0;
        try (DataFileStream<GenericRecord> in =
                new DataFileStream<>(new ByteArrayInputStream(avro.body()), new GenericDatumReader<>())) {
            assertThat(in.getSchema().getFields())
                    .extracting(org.apache.avro.Schema.Field::name)
                    .containsExactly("ward");
            for (GenericRecord r : in) {
                n++;
            }
        }
        assertThat(n).isEqualTo(RECORDS - RECORDS / 4);
        List<JsonNode> first = lines(records(id, token, "limit=5").body());
        String cursor = first.get(first.size() - 1).get("end").get("cursor").asText();
        List<JsonNode> rest = lines(records(id, token, "cursor=" + cursor).body());
        assertThat(first.stream().filter(l -> l.has("record")).count()
                        + rest.stream().filter(l -> l.has("record")).count())
                .isEqualTo(RECORDS - RECORDS / 4);
    }

    @Test
    void tokensAreCheckedOnEveryRequest() throws Exception {
        JsonNode a = job(grant(List.of("ward")));
        JsonNode b = job(grant(List.of("ward")));
        String tokenA = a.get("token").asText();
        // job A's token cannot read job B's records
        HttpResponse<String> other = records(b.get("id").asText(), tokenA, null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("not_yours");
        // altered claims
        String[] parts = tokenA.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(a.get("id").asText(), b.get("id").asText());
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThat(records(b.get("id").asText(), forged, null).statusCode()).isEqualTo(401);
        // a Keycloak token is no job token
        assertThat(records(a.get("id").asText(), stack().tokens().forUser("researcher"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(records(a.get("id").asText(), null, null).statusCode()).isEqualTo(401);
        // a forged cursor
        HttpResponse<String> cursor = records(a.get("id").asText(), tokenA, "cursor=AAAAAAAAAAAA");
        assertThat(cursor.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cursor.body()).get("code").asText()).isEqualTo("invalid_cursor");
        assertThat(records(a.get("id").asText(), tokenA, "cursor=AQAAAGQAAAAA").statusCode())
                .isEqualTo(400);
    }

    @org.springframework.beans.factory.annotation.Value("${dsx.jobs.token-keystore}")
    String jobKeystore;

    @org.springframework.beans.factory.annotation.Value("${dsx.keys.password}")
    String keysPassword;

    @Test
    void anExpiredJobTokenIsRefused() throws Exception {
        JsonNode job = job(grant(List.of("ward")));
        java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        Clock past = Clock.fixed(hourAgo, java.time.ZoneOffset.UTC);
        var keys = io.dsx.gateway.jobs.JobTokenKeys.openOrCreate(
                java.nio.file.Path.of(jobKeystore),
                keysPassword.toCharArray(),
                java.time.Duration.ofDays(3650),
                past,
                new SecureRandom());
        var tokens = new io.dsx.gateway.jobs.JobTokens(
                keys,
                new io.dsx.gateway.jobs.JobSettings(
                        java.nio.file.Path.of(jobKeystore),
                        java.time.Duration.ofMinutes(15),
                        java.time.Duration.ofDays(3650),
                        "urn:dsx:gateway"),
                past,
                new SecureRandom());
        var record = new io.dsx.gateway.jobs.JobRecord(
                1,
                job.get("id").asText(),
                1,
                job.get("grant").asText(),
                dataset,
                "x",
                "sha256:" + "cd".repeat(32),
                "d",
                hourAgo);
        String expired = tokens.issue(record, hourAgo.plus(java.time.Duration.ofDays(1)));
        HttpResponse<String> r = records(job.get("id").asText(), expired, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("expired");
    }

    @Test
    void afterRevocationTheNextRequestIsRefused() throws Exception {
        String grant = grant(List.of("ward"));
        JsonNode job = job(grant);
        assertThat(records(job.get("id").asText(), job.get("token").asText(), null)
                        .statusCode())
                .isEqualTo(200);
        postJson(
                "/v1/access-requests/" + grant + "/revocation",
                stack().tokens().forUser("steward-a"),
                "{\"reason\":\"x\"}");
        HttpResponse<String> after =
                records(job.get("id").asText(), job.get("token").asText(), null);
        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(after.body()).get("code").asText()).isEqualTo("access_denied");
        assertThat(JSON.readTree(after.body()).get("detail").asText()).contains("revoked");
    }

    /** The reference bundle with another max_records setting (an operator's own bundle). */
    static java.nio.file.Path bundleWithMaxRecords(long max) throws Exception {
        java.nio.file.Path reference = java.nio.file.Path.of(
                System.getProperty(
                        "maven.multiModuleProjectDirectory",
                        java.nio.file.Path.of("..").toAbsolutePath().normalize().toString()),
                "policy",
                "bundles",
                "reference");
        java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("dsx-bundle-");
        try (var files = java.nio.file.Files.walk(reference)) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Path to = copy.resolve(reference.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(f, to);
                }
            }
        }
        java.nio.file.Path data = copy.resolve("data.json");
        String text = java.nio.file.Files.readString(data);
        assertThat(text).contains("\"max_records\": 1000000");
        java.nio.file.Files.writeString(data, text.replace("\"max_records\": 1000000", "\"max_records\": " + max));
        return copy;
    }

    static HttpResponse<String> postJson(String base, String path, String token, Object body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long recordLines(HttpResponse<String> r) {
        return lines(r.body()).stream().filter(l -> l.has("record")).count();
    }

    @Test
    void aSecondGatewayServesJobsTheFirstIssuedAndMaxRecordsCountsOverTheGrantsWholeLife() throws Exception {
        String researcher = stack().tokens().forUser("researcher");
        // a job the first gateway issued, read through another gateway (shared job-token keys, views from Kafka)
        JsonNode issuedHere = job(grant(List.of("ward")));
        org.springframework.context.ConfigurableApplicationContext second =
                startAnotherGateway("gateway-quota", "--dsx.policy.bundle=" + bundleWithMaxRecords(25));
        try {
            String other = baseUrl(second);
            HttpResponse<String> there = get(
                    other,
                    "/v1/jobs/" + issuedHere.get("id").asText() + "/records",
                    issuedHere.get("token").asText());
            assertThat(there.statusCode()).as(there.body()).isEqualTo(200);
            assertThat(recordLines(there)).isEqualTo(RECORDS - RECORDS / 4);

            // a grant whose policy set max_records 25, read by two jobs on two gateways
            HttpResponse<String> filed = postJson(
                    other,
                    "/v1/access-requests",
                    researcher,
                    Map.of(
                            "dataset",
                            dataset,
                            "fields",
                            List.of("ward"),
                            "purpose",
                            Map.of("code", "HMB"),
                            "project",
                            "quota",
                            "ethicsApproval",
                            "METC-2",
                            "durationDays",
                            10));
            JsonNode grant = JSON.readTree(filed.body());
            assertThat(grant.get("status").asText()).as(filed.body()).isEqualTo("granted");
            assertThat(grant.at("/grant/obligations/max_records").asLong()).isEqualTo(25);
            JsonNode jobA = JSON.readTree(postJson(
                            other,
                            "/v1/jobs",
                            researcher,
                            Map.of(
                                    "grant",
                                    grant.get("id").asText(),
                                    "codeDigest",
                                    "sha256:" + "ab".repeat(32),
                                    "description",
                                    "quota a"))
                    .body());
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (get("/v1/access-requests/" + grant.get("id").asText(), researcher)
                                    .statusCode()
                            != 200
                    && System.nanoTime() < deadline) {
                Thread.sleep(100); // the first gateway learns the grant by following dsx.grants
            }
            JsonNode jobB = job(grant.get("id").asText());
            HttpResponse<String> a = get(
                    other,
                    "/v1/jobs/" + jobA.get("id").asText() + "/records?limit=10",
                    jobA.get("token").asText());
            assertThat(recordLines(a)).isEqualTo(10);
            // job B on the first gateway: what is left of the grant's 25, though 30 records match
            HttpResponse<String> b =
                    records(jobB.get("id").asText(), jobB.get("token").asText(), null);
            assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
            assertThat(recordLines(b)).isEqualTo(15);
            assertProblem(
                    records(jobB.get("id").asText(), jobB.get("token").asText(), null), 403, "max_records_reached");
            second.close();
            // a gateway started afresh rebuilds the count from dsx.grants
            second = startAnotherGateway("gateway-quota-2", "--dsx.policy.bundle=" + bundleWithMaxRecords(25));
            assertProblem(
                    get(
                            baseUrl(second),
                            "/v1/jobs/" + jobA.get("id").asText() + "/records?limit=1",
                            jobA.get("token").asText()),
                    403,
                    "max_records_reached");
        } finally {
            second.close();
        }
    }
}
