package io.dsx.gateway.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.cli.CliContext;
import io.dsx.connectors.cli.DsxCli;
import io.dsx.connectors.contributor.RetryPolicy;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.keys.KeyIds;
import io.dsx.crypto.keys.Pem;
import io.dsx.crypto.merkle.MerkleProofs;
import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.gateway.it.GatewayIT;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.Receipt;
import io.dsx.schemas.record.RecordCodec;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The contributor's path end to end through the real {@code dsx} CLI (in-process): keygen, the
 * operator registers the certificate, dataset register, contribute 10,000 CSV rows; then the raw
 * topics are read back and every claim is checked against the real broker and Keycloak.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class CliContributionIT extends GatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 10_000;
    private static final String SCHEMA = """
      {"type":"record","name":"Visit","namespace":"org.example.hospital","fields":[
        {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
        {"name":"diagnosis","type":["null","string"],"default":null,"dsx.sensitivity":"sensitive","dsx.tags":["diagnosis"]},
        {"name":"note","type":"string","dsx.sensitivity":"sensitive"}]}""";

    @Autowired
    GatewayKeys gatewayKeys;

    @TempDir
    Path dir;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    /** Row i of the generated input: the pseudonymous key, and values that carry the marker. */
    private String subject(int i) {
        return "pseudo-" + i;
    }

    private String diagnosis(int i) {
        return i % 5 == 0 ? null : "dx-" + marker + "-" + i;
    }

    private String note(int i) {
        return "note " + marker + ", row " + i + " \"quoted\"";
    }

    private record Run(int exit, String out, String err) {}

    private Run dsx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the user's confirmed issuers (known_issuers) live in the test's folder, not in $HOME
        CliContext ctx = new CliContext(
                Map.of("DSX_KNOWN_ISSUERS", dir.resolve("known_issuers").toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                false,
                Clock.systemUTC(),
                new SecureRandom(),
                CliContext.defaultHttp(),
                RetryPolicy.DEFAULT);
        return new Run(DsxCli.run(ctx, args), out.toString(), err.toString());
    }

    @Test
    void tenThousandCsvRowsContributedWithTheCliLandEncryptedSignedAndProvable(CapturedOutput log) throws Exception {
        // keygen, and the operator registers the certificate for hospital-a
        Path keys = dir.resolve("keys");
        Run keygen = dsx("keygen", "--institution", "hospital-a", "--out", keys.toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        X509Certificate cert = Pem.readCertificate(Files.readString(keys.resolve("cert.pem")));
        assertThat(keygen.out().strip()).isEqualTo(KeyIds.of(cert));
        registerCertificate("hospital-a", Files.readString(keys.resolve("cert.pem")));

        // dataset register, with the institution's client credentials from a file
        Path secret = dir.resolve("client-secret");
        Files.writeString(secret, stack().credentials().hospitalSecret("hospital-a"));
        Path schemaFile = dir.resolve("visit.avsc");
        Files.writeString(schemaFile, SCHEMA);
        String dataset = "cli-" + marker;
        String gateway = "http://127.0.0.1:" + port;
        List<String> credentials =
                List.of("--gateway", gateway, "--client-id", "hospital-a", "--client-secret-file", secret.toString());
        // the first run confirms the issuer the gateway publishes (--trust-issuer pins it); later runs use the pin
        Run register = dsx(concat(
                List.of("dataset", "register", "--trust-issuer"),
                credentials,
                List.of(
                        "--id",
                        dataset,
                        "--schema",
                        schemaFile.toString(),
                        "--title",
                        "CLI visits",
                        "--description",
                        "generated",
                        "--duo",
                        "DUO:0000042")));
        assertThat(register.exit()).as(register.err()).isZero();
        assertThat(JSON.readTree(register.out()).get("owner").asText()).isEqualTo("hospital-a");
        assertThat(Files.readString(dir.resolve("known_issuers")))
                .contains(gateway + " " + stack().keycloak().issuer());

        // contribute 10,000 generated rows
        Path csv = writeCsv(dir.resolve("visits.csv"));
        Path receipts = dir.resolve("receipts");
        long started = System.nanoTime();
        Run contribute = dsx(concat(
                List.of("contribute"),
                credentials,
                List.of(
                        "--dataset",
                        dataset,
                        "--key",
                        keys.resolve("key.pem").toString(),
                        "--cert",
                        keys.resolve("cert.pem").toString(),
                        "--input",
                        csv.toString(),
                        "--receipts",
                        receipts.toString())));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(contribute.exit()).as(contribute.err()).isZero();
        System.out.println("CliContributionIT: " + ROWS + " records contributed by the CLI in " + millis + " ms");
        Map<String, JsonNode> receiptById = readReceipts(receipts);
        assertThat(receiptById).hasSize(ROWS / 1000);
        // the run's journal: every batch done, no envelope left behind
        try (Stream<Path> journal = Files.list(receipts.resolve(".dsx-journal"))) {
            List<Path> files = journal.toList();
            assertThat(files).hasSize(1);
            assertThat(Files.readAllLines(files.get(0)))
                    .filteredOn(l -> l.startsWith("done "))
                    .hasSize(ROWS / 1000);
        }

        // the dataset topic holds the committed segments only, and no plaintext value or identifier in any raw byte
        Map<String, LedgerEntry> ledger = ledgerEntries(receiptById.keySet());
        assertThat(ledger).hasSize(receiptById.size());
        List<ConsumerRecord<byte[], byte[]>> stored = readAll("dsx.data." + dataset);
        assertThat(stored)
                .hasSize(ledger.values().stream()
                        .mapToInt(e -> e.segments().size())
                        .sum());
        for (ConsumerRecord<byte[], byte[]> r : stored) {
            String raw = new String(r.value(), StandardCharsets.ISO_8859_1)
                    + new String(r.key(), StandardCharsets.ISO_8859_1)
                    + headersText(r);
            // the marker (8 random hex digits) rides in every value; a bare 3-byte "dx-" would match random ciphertext
            assertThat(raw)
                    .doesNotContain(marker)
                    .doesNotContain("note " + marker)
                    .doesNotContain("pseudo-");
        }

        // every stored record, read back by position through its ledger entry, is its original row
        RecordCodec codec = RecordCodec.of(DatasetSchema.parse(SCHEMA));
        Map<String, Map<Long, byte[]>> leaves = new HashMap<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (LedgerEntry entry : ledger.values()) {
            List<io.dsx.schemas.record.FramedRecord> back = storedRecords(gatewayKeys, entry);
            for (int leaf = 0; leaf < back.size(); leaf++) {
                GenericRecord record = codec.decode(back.get(leaf).record());
                int i = Integer.parseInt(record.get("subject").toString().substring("pseudo-".length()));
                assertThat(record.get("age")).isEqualTo(i % 100);
                assertThat(
                                record.get("diagnosis") == null
                                        ? null
                                        : record.get("diagnosis").toString())
                        .isEqualTo(diagnosis(i));
                assertThat(record.get("note").toString()).isEqualTo(note(i));
                assertThat(seen.add(i)).as("row %d stored once", i).isTrue();
                leaves.computeIfAbsent(entry.manifest().contributionId(), k -> new HashMap<>())
                        .put(
                                (long) leaf,
                                MerkleTree.leafHash(
                                        back.get(leaf).salt(), back.get(leaf).record()));
            }
        }
        assertThat(seen).hasSize(ROWS);
        assertThat(leaves.keySet()).isEqualTo(receiptById.keySet());

        // each ledger entry's signature verifies with the registered certificate, its Merkle root over
        // the stored leaves equals the signed root, and an inclusion proof of any record verifies
        for (var e : ledger.entrySet()) {
            LedgerEntry entry = e.getValue();
            assertThat(entry.verifyContributorSignature(cert.getPublicKey())).isTrue();
            Map<Long, byte[]> byIndex = leaves.get(e.getKey());
            List<byte[]> ordered = new ArrayList<>();
            for (long i = 0; i < byIndex.size(); i++) {
                ordered.add(byIndex.get(i));
            }
            MerkleTree tree = MerkleTree.ofLeafHashes(ordered);
            byte[] root = entry.manifest().merkleRoot();
            assertThat(tree.root()).isEqualTo(root);
            assertThat(Hex.encode(root))
                    .isEqualTo(receiptById.get(e.getKey()).get("merkleRoot").asText());
            long index = Math.floorMod(e.getKey().hashCode(), ordered.size());
            assertThat(MerkleProofs.verifyInclusion(
                            ordered.get((int) index), index, ordered.size(), tree.inclusionProof(index), root))
                    .isTrue();
            assertThat(MerkleProofs.verifyInclusion(
                            ordered.get((int) index),
                            (index + 1) % ordered.size(),
                            ordered.size(),
                            tree.inclusionProof(index),
                            root))
                    .as("a proof does not fit another position")
                    .isFalse();
        }

        // the kept receipts verify with the gateway's receipt key
        for (JsonNode receipt : receiptById.values()) {
            Receipt parsed = Receipt.parse(
                    Base64.getUrlDecoder().decode(receipt.get("receipt").asText()));
            assertThat(parsed.verify(gatewayKeys.keyStore().receiptKey().publicKey()))
                    .isTrue();
        }

        // the gateway logged the contributions, and none of their values or record keys
        assertThat(log.getAll())
                .as("the gateway's log")
                .contains(receiptById.keySet().iterator().next())
                .doesNotContain("dx-" + marker)
                .doesNotContain("note " + marker)
                .doesNotContain("pseudo-");
    }

    private Path writeCsv(Path file) throws Exception {
        StringBuilder s = new StringBuilder("subject,age,diagnosis,note\n");
        for (int i = 0; i < ROWS; i++) {
            String dx = diagnosis(i);
            s.append(subject(i))
                    .append(',')
                    .append(i % 100)
                    .append(',')
                    .append(dx == null ? "" : dx)
                    .append(",\"")
                    .append(note(i).replace("\"", "\"\""))
                    .append("\"\n");
        }
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    private void registerCertificate(String institution, String pem) throws Exception {
        String operator = stack().tokens().forUser("operator");
        HttpResponse<String> created = post(
                "/v1/admin/institutions",
                operator,
                JSON.createObjectNode()
                        .put("id", institution)
                        .put("name", institution)
                        .set("certificates", JSON.createArrayNode().add(pem))
                        .toString());
        if (created.statusCode() == 409) {
            created = post(
                    "/v1/admin/institutions/" + institution + "/keys",
                    operator,
                    JSON.createObjectNode().put("certificate", pem).toString());
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private HttpResponse<String> post(String path, String bearer, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, JsonNode> readReceipts(Path dir) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .toList()) {
                JsonNode receipt = JSON.readTree(f.toFile());
                out.put(receipt.get("contributionId").asText(), receipt);
            }
        }
        return out;
    }

    private Map<String, LedgerEntry> ledgerEntries(Set<String> contributionIds) throws Exception {
        Map<String, LedgerEntry> out = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll("dsx.ledger")) {
            String id = new String(r.key(), StandardCharsets.UTF_8);
            if (contributionIds.contains(id)) {
                assertThat(out.put(id, LedgerEntry.parse(r.value())))
                        .as("one ledger entry per contribution")
                        .isNull();
            }
        }
        return out;
    }

    @SafeVarargs
    private static String[] concat(List<String>... parts) {
        return Stream.of(parts)
                .flatMap(List::stream)
                .collect(Collectors.toList())
                .toArray(String[]::new);
    }
}
