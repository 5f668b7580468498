package io.dsx.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.crypto.hpke.HpkePublicKey;
import io.dsx.crypto.keys.InstitutionCredentials;
import io.dsx.crypto.keys.InstitutionKeys;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.sign.SignatureAlgorithm;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.ContributionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Seeds a fresh local exchange once: the two demo hospitals registered with generated signing keys
 * (kept in {@code <data>/demo/<hospital>/}), one dataset each, and synthetic records contributed
 * through the gateway's real path (signed, sealed, verified, encrypted, transactional).
 */
final class DemoData {

    static final int RECORDS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Tokens tokens;
    private final Path demoDir;

    DemoData(String gateway, Tokens tokens, Path dataDir) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.demoDir = dataDir.resolve("demo");
    }

    /** Seeds unless already seeded; returns a line per dataset for the status block. */
    List<String> seedOnce() throws Exception {
        Path marker = demoDir.resolve("seeded");
        if (Files.exists(marker)) {
            return Files.readAllLines(marker, StandardCharsets.UTF_8);
        }
        OwnerOnly.directories(demoDir);
        List<String> lines = new ArrayList<>();
        lines.add(seed(
                "hospital-a",
                "Hospital A",
                "cardio-visits",
                "Cardiology visits",
                List.of("DUO:0000042"),
                (schema, i) -> cardio(schema, i)));
        lines.add(seed(
                "hospital-b",
                "Hospital B",
                "oncology-cohort",
                "Oncology cohort",
                List.of("DUO:0000007"),
                (schema, i) -> oncology(schema, i)));
        OwnerOnly.createFile(marker);
        Files.write(marker, lines, StandardCharsets.UTF_8);
        return lines;
    }

    private String seed(
            String institution,
            String name,
            String dataset,
            String title,
            List<String> duo,
            BiFunction<DatasetSchema, Integer, GenericRecord> rows)
            throws Exception {
        InstitutionCredentials creds = InstitutionKeys.generate(
                SignatureAlgorithm.ED25519,
                "CN=" + name + ",O=dsx demo",
                Duration.ofDays(365),
                Clock.systemUTC(),
                new SecureRandom());
        Path dir = OwnerOnly.directories(demoDir.resolve(institution));
        Path key = dir.resolve("key.pem");
        Files.deleteIfExists(key);
        OwnerOnly.createFile(key);
        Files.writeString(key, Pem.writePrivateKey(creds.signingKey()));
        Path cert = OwnerOnly.createFile(dir.resolve("cert.pem"));
        Files.writeString(cert, Pem.writeCertificate(creds.certificate()));
        expect(
                post(
                        "/v1/admin/institutions",
                        tokens.forUser("operator"),
                        "application/json",
                        JSON.writeValueAsBytes(Map.of(
                                "id",
                                institution,
                                "name",
                                name,
                                "certificates",
                                List.of(Pem.writeCertificate(creds.certificate()))))),
                201);
        String avsc = resource(dataset + ".avsc");
        String token = tokens.forInstitution(institution);
        expect(
                post(
                        "/v1/datasets",
                        token,
                        "application/json",
                        JSON.writeValueAsBytes(Map.of(
                                "id",
                                dataset,
                                "title",
                                title,
                                "description",
                                "synthetic demo data",
                                "duo",
                                duo,
                                "schema",
                                JSON.readTree(avsc)))),
                201);
        DatasetSchema schema = DatasetSchema.parse(avsc);
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(rows.apply(schema, i));
        }
        byte[] envelope = new ContributionBuilder(Clock.systemUTC(), new SecureRandom())
                .build(
                        new ContributionBuilder.Target(
                                institution, dataset, schema, 1, gatewayKey(), creds.signingKey(), creds.keyId()),
                        records)
                .toBytes();
        expect(
                post(
                        "/v1/datasets/" + dataset + "/contributions",
                        token,
                        io.dsx.schemas.envelope.ContributionEnvelope.MEDIA_TYPE,
                        envelope),
                201);
        return String.format("%-16s owner %s, %d records; signing key in %s", dataset, institution, RECORDS, dir);
    }

    private static GenericRecord cardio(DatasetSchema schema, int i) {
        Random r = new Random(i);
        GenericRecord g = new GenericData.Record(schema.avro());
        g.put("subject", String.format("A-%06d", i));
        g.put("birth_year", 1930 + r.nextInt(75));
        g.put("postcode", String.format("%05d", 10000 + r.nextInt(89999)));
        g.put("visit_date", LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300)).toString());
        g.put("diagnosis", List.of("I10", "I20.9", "I25.1", "I48.0", "I50.9").get(r.nextInt(5)));
        g.put("systolic_bp", 100 + r.nextInt(80));
        g.put("ward", List.of("cardio-1", "cardio-2", "outpatient").get(r.nextInt(3)));
        return g;
    }

    private static GenericRecord oncology(DatasetSchema schema, int i) {
        Random r = new Random(10_000L + i);
        GenericRecord g = new GenericData.Record(schema.avro());
        g.put("subject", String.format("B-%06d", i));
        g.put("age", 30 + r.nextInt(60));
        g.put("tumour_site", List.of("C50.9", "C34.1", "C18.7", "C61").get(r.nextInt(4)));
        g.put("stage", List.of("I", "II", "III", "IV").get(r.nextInt(4)));
        g.put(
                "treatment",
                List.of("surgery", "chemotherapy", "radiotherapy", "immunotherapy")
                        .get(r.nextInt(4)));
        return g;
    }

    private HpkePublicKey gatewayKey() throws Exception {
        JsonNode doc = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/.well-known/dsx"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String current = doc.get("currentHpkeKeyId").asText();
        for (JsonNode k : doc.get("hpkeKeys")) {
            if (k.get("keyId").asText().equals(current)) {
                return HpkePublicKey.of(
                        Base64.getUrlDecoder().decode(k.get("publicKey").asText()));
            }
        }
        throw new IOException("the gateway publishes no current HPKE key");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/io/dsx/compose/demo/" + name)) {
            if (in == null) {
                throw new IOException("demo resource " + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String path, String token, String type, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status) throws IOException {
        if (r.statusCode() != status) {
            throw new IOException(
                    "demo seeding: " + r.request().uri().getPath() + " answered " + r.statusCode() + " " + r.body());
        }
    }
}
