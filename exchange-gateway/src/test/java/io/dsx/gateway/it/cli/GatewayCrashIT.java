package io.dsx.gateway.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.compose.GatewayProcess;
import io.dsx.compose.Ports;
import io.dsx.connectors.cli.CliContext;
import io.dsx.connectors.cli.DsxCli;
import io.dsx.connectors.contributor.RetryPolicy;
import io.dsx.crypto.merkle.MerkleProofs;
import io.dsx.crypto.merkle.MerkleTree;
import io.dsx.gateway.it.GatewayIT;
import io.dsx.gateway.keys.GatewayKeys;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordCodec;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Exactly once across a crash: a gateway (a separate process, sharing this test gateway's key stores
 * as gateways behind one load balancer share their KMS) is killed with SIGKILL in the middle of a
 * 100,000-row {@code dsx contribute}, restarted, and the same command run again. Then exactly 100,000
 * records are readable through the ledger, each once, and every one has a verifying inclusion proof
 * against its contribution's signed root. Whatever the kill left half-written is at no ledger position.
 */
class GatewayCrashIT extends GatewayIT {
    private static final int ROWS = 100_000;
    private static final String SCHEMA = """
      {"type":"record","name":"Obs","namespace":"crash","fields":[
        {"name":"pid","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"value","type":"int","dsx.sensitivity":"sensitive"}]}""";

    @Autowired
    GatewayKeys gatewayKeys;

    @Value("${dsx.keys.password}")
    String keysPassword;

    @Value("${dsx.keys.gateway-keystore}")
    String gatewayKeystore;

    @TempDir
    Path dir;

    @Test
    void aGatewayKilledMidRunLosesAndDuplicatesNothingOnceTheRunIsRepeated() throws Exception {
        Path keys = dir.resolve("keys");
        Run keygen = dsx(RetryPolicy.DEFAULT, "keygen", "--institution", "hospital-a", "--out", keys.toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        addKey("hospital-a", Files.readString(keys.resolve("cert.pem")));
        String dataset = registerDataset("hospital-a", SCHEMA);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, stack().credentials().hospitalSecret("hospital-a"));
        Path csv = dir.resolve("obs.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("pid,value\n");
            for (int i = 0; i < ROWS; i++) {
                w.write("pid-" + i + "," + i + "\n");
            }
        }

        Path jar = gatewayJar();
        Path workDir = Path.of(gatewayKeystore).getParent(); // the same key stores as this test's gateway
        int gatewayPort = Ports.freePort();
        String[] command = {
            "contribute",
            "--gateway",
            "http://127.0.0.1:" + gatewayPort,
            "--client-id",
            "hospital-a",
            "--client-secret-file",
            secret.toString(),
            "--token-url",
            stack().keycloak().issuer() + "/protocol/openid-connect/token",
            "--dataset",
            dataset,
            "--key",
            keys.resolve("key.pem").toString(),
            "--cert",
            keys.resolve("cert.pem").toString(),
            "--input",
            csv.toString(),
            "--receipts",
            dir.resolve("receipts").toString()
        };

        Run first;
        try (GatewayProcess gateway = startGateway(jar, workDir, gatewayPort, keysPassword)) {
            // few, short retries: the first run must give up soon after the kill
            RetryPolicy impatient =
                    new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200), RetryPolicy.Sleeper.REAL);
            CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> dsx(impatient, command));
            Path journal = dir.resolve("receipts").resolve(".dsx-journal");
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (doneBatches(journal) < 20 && !running.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(running.isDone())
                    .as("the run is still going when the gateway is killed")
                    .isFalse();
            gateway.process().kill();
            first = running.get();
        }
        assertThat(first.exit()).as("the interrupted run fails").isNotZero();
        int doneBeforeRestart = doneBatches(dir.resolve("receipts").resolve(".dsx-journal"));
        assertThat(doneBeforeRestart).isBetween(20, ROWS / 1000 - 1);

        try (GatewayProcess restarted = startGateway(jar, workDir, gatewayPort, keysPassword)) {
            Run second = dsx(RetryPolicy.DEFAULT, command);
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.err()).contains("skipped");
        }

        // exactly ROWS records behind the ledger, each once, each provable
        List<LedgerEntry> entries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll("dsx.ledger")) {
            LedgerEntry e = LedgerEntry.parse(r.value());
            if (e.manifest().datasetId().equals(dataset)) {
                entries.add(e);
            }
        }
        assertThat(entries.stream()
                        .map(e -> e.manifest().contributionId())
                        .distinct()
                        .count())
                .as("one ledger entry per contribution")
                .isEqualTo(entries.size());
        RecordCodec codec = RecordCodec.of(DatasetSchema.parse(SCHEMA));
        BitSet seen = new BitSet(ROWS);
        long total = 0;
        for (LedgerEntry e : entries) {
            List<FramedRecord> records = storedRecords(gatewayKeys, e);
            List<byte[]> leaves = records.stream()
                    .map(r -> MerkleTree.leafHash(r.salt(), r.record()))
                    .toList();
            MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
            assertThat(tree.root()).isEqualTo(e.manifest().merkleRoot());
            for (int i = 0; i < records.size(); i++) {
                GenericRecord rec = codec.decode(records.get(i).record());
                int n = (Integer) rec.get("value");
                assertThat(rec.get("pid").toString()).isEqualTo("pid-" + n);
                assertThat(seen.get(n)).as("row %d stored twice", n).isFalse();
                seen.set(n);
                assertThat(MerkleProofs.verifyInclusion(
                                leaves.get(i),
                                i,
                                leaves.size(),
                                tree.inclusionProof(i),
                                e.manifest().merkleRoot()))
                        .isTrue();
            }
            total += records.size();
        }
        assertThat(total).isEqualTo(ROWS);
        assertThat(seen.cardinality()).isEqualTo(ROWS);
        System.out.printf(
                "GatewayCrashIT: killed after %d of %d contributions; %d ledger entries, %d records, each once%n",
                doneBeforeRestart, ROWS / 1000, entries.size(), total);
    }

    private record Run(int exit, String out, String err) {}

    private static Run dsx(RetryPolicy retry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                false,
                Clock.systemUTC(),
                new SecureRandom(),
                CliContext.defaultHttp(),
                retry);
        return new Run(DsxCli.run(ctx, args), out.toString(), err.toString());
    }

    private static int doneBatches(Path journal) throws Exception {
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        int done = 0;
        try (Stream<Path> files = Files.list(journal)) {
            for (Path f : files.filter(p -> !p.toString().endsWith(".envelope")).toList()) {
                try {
                    done += (int) Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith("done "))
                            .count();
                } catch (java.io.IOException | java.io.UncheckedIOException beingWritten) {
                    // read again next time
                }
            }
        }
        return done;
    }

    private static Path gatewayJar() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().equals("dsx-exchange-gateway-exec.jar"))
                    .map(Path::toAbsolutePath)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the gateway jar is not built (mvn package)"));
        }
    }

    private void addKey(String institution, String pem) throws Exception {
        String operator = stack().tokens().forUser("operator");
        HttpResponse<String> created = postJson(
                "/v1/admin/institutions",
                operator,
                JSON.writeValueAsString(Map.of("id", institution, "name", institution, "certificates", List.of(pem))));
        if (created.statusCode() == 409) {
            created = postJson(
                    "/v1/admin/institutions/" + institution + "/keys",
                    operator,
                    JSON.writeValueAsString(Map.of("certificate", pem)));
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** The gateway process of this test, on its own audit partition (the run's shared context writes 0). */
    private static GatewayProcess startGateway(
            java.nio.file.Path jar, java.nio.file.Path workDir, int port, String keysPassword) throws Exception {
        return GatewayProcess.start(
                jar,
                workDir,
                stack().bootstrapServers(),
                stack().gatewayKafkaLogin(),
                stack().keycloak().issuer(),
                port,
                Ports.freePort(),
                keysPassword,
                java.util.List.of(),
                java.util.List.of("--dsx.audit.partition=" + GatewayIT.CRASH_AUDIT_PARTITION),
                Duration.ofMinutes(4));
    }
}
