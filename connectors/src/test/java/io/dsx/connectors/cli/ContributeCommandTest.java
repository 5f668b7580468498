package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.connectors.contributor.FakeGateway;
import io.dsx.crypto.keys.Pem;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.envelope.OpenedRecord;
import io.dsx.schemas.record.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributeCommandTest {
    static final String SCHEMA = """
      {"type":"record","name":"Visit","fields":[
        {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
        {"name":"diagnosis","type":["null","string"],"default":null,"dsx.sensitivity":"sensitive"}]}""";
    static final Map<String, String> ENV = Map.of("DSX_CLIENT_SECRET", FakeGateway.SECRET);

    @TempDir
    Path dir;

    FakeGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(DatasetSchema.parse(SCHEMA));
        Files.writeString(dir.resolve("key.pem"), Pem.writePrivateKey(gateway.institution.signingKey()));
        Files.writeString(dir.resolve("cert.pem"), Pem.writeCertificate(gateway.institution.certificate()));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private Path csv(int rows, int badRow) throws Exception {
        StringBuilder s = new StringBuilder("PatientID,age,diagnosis\n");
        for (int i = 0; i < rows; i++) {
            s.append("p-")
                    .append(i)
                    .append(',')
                    .append(i == badRow ? "old" : String.valueOf(i % 90))
                    .append(',')
                    .append(i % 3 == 0 ? "" : "\"I" + i + ", chronic\"")
                    .append('\n');
        }
        Path file = dir.resolve("visits.csv");
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    private CliRun contribute(Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "contribute",
                "--gateway",
                gateway.url(),
                "--token-url",
                gateway.tokenUrl(),
                "--client-id",
                "hospital-a",
                "--dataset",
                "visits",
                "--key",
                dir.resolve("key.pem").toString(),
                "--cert",
                dir.resolve("cert.pem").toString(),
                "--input",
                input.toString(),
                "--map",
                "PatientID=subject",
                "--receipts",
                dir.resolve("receipts").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(ENV, args.toArray(String[]::new));
    }

    @Test
    void aFileIsContributedInBoundedBatchesWhoseReceiptsAreKept() throws Exception {
        CliRun run = contribute(csv(2500, -1), "--batch-records", "1000", "--parallel", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.accepted).extracting(c -> c.records().size()).containsExactly(1000, 1000, 500);
        List<OpenedRecord> all =
                gateway.accepted.stream().flatMap(c -> c.records().stream()).toList();
        var r1234 = RecordCodec.of(gateway.schema).decode(all.get(1234).bytes());
        assertThat(r1234.get("subject").toString()).isEqualTo("p-1234");
        assertThat(r1234.get("age")).isEqualTo(1234 % 90);
        assertThat(r1234.get("diagnosis").toString()).isEqualTo("I1234, chronic");
        assertThat(RecordCodec.of(gateway.schema).decode(all.get(1233).bytes()).get("diagnosis"))
                .isNull();
        try (Stream<Path> receipts = Files.list(dir.resolve("receipts"))) {
            assertThat(receipts.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .hasSize(3)
                    .allMatch(n -> n.matches("[0-9a-f-]{36}\\.json"));
        }
        assertThat(run.out().lines())
                .hasSize(3)
                .allMatch(l -> l.contains("records=") && l.contains("ledger=dsx.ledger/0@"));
        assertThat(run.err())
                .contains("contribution 3 accepted: 500 records (2500 in all")
                .contains("contributed 2500 records in 3 contributions");
    }

    @Test
    void aBadRowStopsTheRunAndItsBatchIsNotUploaded() throws Exception {
        CliRun run = contribute(csv(2500, 1501), "--batch-records", "1000");
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        String line = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(line)
                .isEqualTo("dsx: " + dir.resolve("visits.csv") + ":1503: field 'age': expected int"
                        + " (1 earlier contributions with 1000 records were accepted; receipts in "
                        + dir.resolve("receipts") + ")");
        assertThat(gateway.uploads).hasSize(1);
        assertThat(gateway.accepted).hasSize(1);
    }

    @Test
    void aRefusalIsReportedWithItsCodeOnOneLine() throws Exception {
        gateway.failNext(403, 1);
        CliRun run = contribute(csv(10, -1));
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine()).isEqualTo("dsx: gateway answered 403 code_403: scripted (nothing was contributed)");
    }

    @Test
    void aServerErrorIsRetriedAndTheContributionLandsOnce() throws Exception {
        gateway.failNext(502, 2);
        CliRun run = contribute(csv(10, -1));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.uploads).hasSize(3);
        assertThat(gateway.accepted).hasSize(1);
    }

    @Test
    void ndjsonIsReadByItsExtension() throws Exception {
        Path file = dir.resolve("v.ndjson");
        Files.writeString(
                file, "{\"PatientID\":\"p-1\",\"age\":3}\n{\"PatientID\":\"p-2\",\"age\":4,\"diagnosis\":\"x\"}\n");
        CliRun run = contribute(file);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.accepted.get(0).records()).hasSize(2);
    }

    @Test
    void anUnknownExtensionNeedsFormat() throws Exception {
        Path file = dir.resolve("v.txt");
        Files.writeString(file, "PatientID,age\np,1\n");
        CliRun run = contribute(file);
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine()).startsWith("dsx: cannot tell the format of").endsWith("give --format csv|ndjson");
        assertThat(contribute(file, "--format", "csv").exit()).isZero();
    }

    @Test
    void noSecretIsAOneLineFailureBeforeAnythingIsSent() throws Exception {
        Path file = csv(3, -1);
        CliRun run = CliRun.of(
                Map.of(),
                "contribute",
                "--gateway",
                gateway.url(),
                "--client-id",
                "hospital-a",
                "--dataset",
                "visits",
                "--key",
                dir.resolve("key.pem").toString(),
                "--cert",
                dir.resolve("cert.pem").toString(),
                "--input",
                file.toString());
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine())
                .isEqualTo("dsx: no client secret: give --client-secret-file FILE or env DSX_CLIENT_SECRET");
        assertThat(gateway.uploads).isEmpty();
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws Exception {
        assertThat(CliRun.of(
                                "keygen",
                                "--institution",
                                "other",
                                "--out",
                                dir.resolve("other").toString())
                        .exit())
                .isZero();
        Files.copy(
                dir.resolve("other/key.pem"),
                dir.resolve("key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun run = contribute(csv(3, -1));
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine())
                .isEqualTo("dsx: " + dir.resolve("key.pem") + " is not the private key of " + dir.resolve("cert.pem"));
    }

    @Test
    void aMissingInputFileIsNamed() {
        CliRun run = contribute(dir.resolve("missing.csv"));
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine()).isEqualTo("dsx: " + dir.resolve("missing.csv") + ": no such file");
    }

    @Test
    void standardInputIsReadWithAnExplicitFormat() {
        byte[] ndjson =
                "{\"subject\":\"p-1\",\"age\":3}\n{\"subject\":\"p-2\",\"age\":4}\n".getBytes(StandardCharsets.UTF_8);
        String[] args = {
            "contribute",
            "--gateway",
            gateway.url(),
            "--token-url",
            gateway.tokenUrl(),
            "--client-id",
            "hospital-a",
            "--dataset",
            "visits",
            "--key",
            dir.resolve("key.pem").toString(),
            "--cert",
            dir.resolve("cert.pem").toString(),
            "--input",
            "-",
            "--receipts",
            dir.resolve("receipts").toString()
        };
        CliRun refused = CliRun.withStdin(ENV, ndjson, args);
        assertThat(refused.errLine()).isEqualTo("dsx: reading standard input needs --format csv|ndjson");
        String[] withFormat = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--format", "ndjson"))
                .toArray(String[]::new);
        CliRun run = CliRun.withStdin(ENV, ndjson, withFormat);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.accepted).hasSize(1);
        assertThat(gateway.accepted.get(0).records()).hasSize(2);
    }

    @Test
    void aDryRunChecksTheWholeFileAndSendsNothing() throws Exception {
        CliRun good = contribute(csv(2500, -1), "--dry-run");
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(good.errLine())
                .isEqualTo("dsx: dry run: 2500 records in 3 contributions would be sent to visits; nothing was sent");
        CliRun bad = contribute(csv(2500, 2400), "--dry-run");
        assertThat(bad.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(bad.errLine()).endsWith(":2402: field 'age': expected int (dry run: nothing was sent)");
        assertThat(gateway.uploads).isEmpty();
    }

    @Test
    void runningTheSameCommandAgainSendsNothingTwice() throws Exception {
        Path input = csv(2500, -1);
        CliRun first = contribute(input, "--batch-records", "1000");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(gateway.uploads).hasSize(3);

        CliRun again = contribute(input, "--batch-records", "1000");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(gateway.uploads).as("nothing sent the second time").hasSize(3);
        assertThat(gateway.accepted).hasSize(3);
        assertThat(again.err()).contains("skipped 2500 records in 3 contributions accepted in an earlier run");

        CliRun otherBatches = contribute(input, "--batch-records", "500");
        assertThat(otherBatches.exit()).as(otherBatches.err()).isZero();
        assertThat(gateway.accepted)
                .as("other batch sizes are another journal: the user asked for it")
                .hasSize(8);
    }

    @Test
    void aRunInterruptedAfterTheGatewayAcceptedResumesWithoutDuplicates() throws Exception {
        Path input = csv(2500, -1);
        gateway.loseAnswers(1, 10); // the 2nd contribution is accepted, but no answer gets back, retries included
        CliRun interrupted = contribute(input, "--batch-records", "1000", "--parallel", "1");
        assertThat(interrupted.exit()).isNotZero();
        assertThat(gateway.accepted).hasSize(2);
        String lost = gateway.accepted.get(1).envelope().manifest().contributionId();

        gateway.loseAnswers(0, 0);
        CliRun resumed = contribute(input, "--batch-records", "1000", "--parallel", "1");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(gateway.accepted)
                .as("the lost one was not accepted twice")
                .hasSize(3)
                .extracting(c -> c.records().size())
                .containsExactly(1000, 1000, 500);
        assertThat(resumed.err()).contains("skipped 1000 records in 1 contributions");
        assertThat(Files.exists(dir.resolve("receipts").resolve(lost + ".json")))
                .as("the first receipt of the lost one")
                .isTrue();
        try (Stream<Path> receipts = Files.list(dir.resolve("receipts"))) {
            assertThat(receipts.filter(Files::isRegularFile)).hasSize(3);
        }
    }

    @Test
    void severalContributionsAreUploadedAtOnceEachAcceptedOnce() throws Exception {
        Path input = csv(5000, -1);
        gateway.holdUntilOverlap(2_000);
        CliRun run = contribute(input, "--batch-records", "500", "--parallel", "4");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(gateway.accepted).hasSize(10);
        assertThat(gateway.maxConcurrent()).as("uploads overlapped").isGreaterThan(1);
        List<String> subjects = gateway.accepted.stream()
                .flatMap(c -> c.records().stream())
                .map(r -> r.value().get("subject").toString())
                .toList();
        assertThat(subjects).hasSize(5000).doesNotHaveDuplicates();
        assertThat(run.out().lines()).hasSize(10);

        CliRun again = contribute(input, "--batch-records", "500", "--parallel", "4");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(gateway.accepted).as("a re-run sends nothing").hasSize(10);
    }

    @Test
    void parallelIsBounded() {
        CliRun run = contribute(dir.resolve("none.csv"), "--parallel", "17");
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.errLine()).contains("--parallel must be 1..16");
    }
}
