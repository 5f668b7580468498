package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.audit.AuditExportFixture;
import io.dsx.connectors.audit.AuditStubGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, replay, query, disclosures and report through the command, over the fixture log and a stub gateway. */
class AuditCommandsTest {
    private static final Map<String, String> AUDITOR = Map.of("DSX_TOKEN", "auditor-token");

    @TempDir
    Path tmp;

    private final AuditExportFixture log = new AuditExportFixture();

    @Test
    void exportWritesTheContractsDirectoryWhichVerifiesAndMatchesTheLog() throws Exception {
        try (AuditStubGateway gw = new AuditStubGateway(log)) {
            Path out = tmp.resolve("export");
            CliRun run =
                    CliRun.of(AUDITOR, "audit", "export", "--gateway", gw.uri().toString(), "--out", out.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).contains("exported 1 log(s), 13 events, 4 checkpoints, 1 policy revision(s)");
            Path expected = log.write(tmp.resolve("expected"));
            for (String f : List.of("logs/0/events.ndjson", "logs/0/checkpoints.txt", "verifier.key")) {
                assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(expected.resolve(f)));
            }
            assertThat(out.resolve("policies/sha256-" + log.revision.substring(7) + ".json"))
                    .exists();
            assertThat(CliRun.of("audit", "verify", "--from", out.toString()).exit())
                    .isZero();
            CliRun again =
                    CliRun.of(AUDITOR, "audit", "export", "--gateway", gw.uri().toString(), "--out", out.toString());
            assertThat(again.exit()).isEqualTo(DsxCli.FAILURE);
            assertThat(again.errLine()).isEqualTo("dsx: " + out + " exists and is not an empty directory");
        }
    }

    @Test
    void everyCommandReadsTheLogLiveWithGateway() throws Exception {
        try (AuditStubGateway gw = new AuditStubGateway(log)) {
            CliRun run =
                    CliRun.of(AUDITOR, "audit", "replay", "--gateway", gw.uri().toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).contains("13 events, 6 decisions: 6 re-derived, 0 not");
            CliRun refused = CliRun.of(
                    Map.of("DSX_TOKEN", "other"),
                    "audit",
                    "replay",
                    "--gateway",
                    gw.uri().toString());
            assertThat(refused.exit()).isEqualTo(DsxCli.FAILURE);
            assertThat(refused.errLine()).contains("401 unauthenticated");
            int sent = gw.requests.size();
            CliRun anonymous = CliRun.of("audit", "query", "--gateway", gw.uri().toString());
            assertThat(anonymous.exit()).isEqualTo(DsxCli.FAILURE);
            assertThat(anonymous.errLine()).isEqualTo("dsx: no token: set env DSX_TOKEN to an auditor's access token");
            assertThat(gw.requests).hasSize(sent);
        }
    }

    @Test
    void replayReDerivesEveryDecisionOfAnUntouchedLog() throws Exception {
        CliRun clean = CliRun.of(
                "audit", "replay", "--from", log.write(tmp.resolve("clean")).toString());
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).isEmpty();
        assertThat(clean.err()).endsWith("dsx: 13 events, 6 decisions: 6 re-derived, 0 not\n");
    }

    @Test
    void replayNamesADecisionWhoseRecordedResultItsPolicyDoesNotGive() throws Exception {
        AuditExportFixture lying = new AuditExportFixture(AuditExportFixture.bundle("[\"uni-a\", \"uni-b\"]"), 3);
        CliRun run = CliRun.of(
                "audit", "replay", "--from", lying.write(tmp.resolve("lying")).toString());
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.out().lines().toList())
                .containsExactly("log 0 seq 6 2026-12-02T09:00:03.000Z data.dsx.read.decision decision decision-3: "
                        + "mismatch: allow false -> true; fields [] -> [\"age\",\"ward\"]; reasons "
                        + "[\"institution not admitted\"] -> [\"admitted\"]");
        assertThat(run.err()).contains("6 decisions: 5 re-derived, 1 not");
    }

    @Test
    void replayRefusesAPolicyRevisionThatIsMissingOrWhoseFilesHashToAnother() throws Exception {
        Path dir = log.write(tmp.resolve("export"));
        Path policy = dir.resolve("policies/sha256-" + log.revision.substring(7) + ".json");
        Files.delete(policy);
        CliRun missing = CliRun.of("audit", "replay", "--from", dir.toString());
        assertThat(missing.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(missing.out().lines())
                .hasSize(6)
                .allMatch(l -> l.contains(": unreplayable: ") && l.contains("is missing"));

        Map<String, String> other = AuditExportFixture.bundle("[\"uni-a\"]");
        Files.write(policy, AuditExportFixture.policyRecord(other, log.revision));
        CliRun forged = CliRun.of("audit", "replay", "--from", dir.toString());
        assertThat(forged.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(forged.out().lines())
                .hasSize(6)
                .allMatch(l -> l.contains("not to the revision they are filed under"));
    }

    @Test
    void whatIfListsExactlyTheDecisionsAStricterPolicyChanges() throws Exception {
        Path dir = log.write(tmp.resolve("export"));
        Path stricter =
                AuditExportFixture.writeBundle(tmp.resolve("stricter"), AuditExportFixture.bundle("[\"uni-a\"]"));
        CliRun run = CliRun.of("audit", "replay", "--from", dir.toString(), "--bundle", stricter.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // odd reads are uni-b's: decisions at seq 2, 6, 10
        assertThat(run.out().lines().map(l -> l.split(" ")[3]).toList()).containsExactly("2", "6", "10");
        assertThat(run.out()).contains("changed: allow true -> false");
        assertThat(run.err()).contains("6 decisions: 3 would be decided differently under " + stricter);
        Path same = AuditExportFixture.writeBundle(tmp.resolve("same"), log.bundleFiles);
        assertThat(CliRun.of("audit", "replay", "--from", dir.toString(), "--bundle", same.toString())
                        .out())
                .isEmpty();
    }

    @Test
    void queryListsWhoReadWhatWithFiltersInEachFormat() throws Exception {
        Path dir = log.write(tmp.resolve("export"));
        CliRun table = CliRun.of("audit", "query", "--from", dir.toString(), "--institution", "uni-b");
        assertThat(table.exit()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("time").contains("researcher").contains("grant");
        assertThat(lines).hasSize(4).allMatch(l -> l == lines.get(0) || l.contains("job-2") && l.contains("age ward"));
        assertThat(table.errLine()).isEqualTo("dsx: 3 record release(s)");

        CliRun csv = CliRun.of(
                "audit",
                "query",
                "--from",
                dir.toString(),
                "--job",
                "job-1",
                "--since",
                "2026-12-02",
                "--format",
                "csv");
        assertThat(csv.out().lines().toList())
                .containsExactly(
                        "time,log,seq,action,outcome,researcher,institution,dataset,fields,records,grant,job",
                        "2026-12-02T09:00:02.005Z,0,5,read,allowed,job-1,uni-a,visits,age ward,3,grant-1,job-1",
                        "2026-12-03T09:00:04.005Z,0,9,read,allowed,job-1,uni-a,visits,age ward,3,grant-1,job-1");

        CliRun json = CliRun.of(
                "audit",
                "query",
                "--from",
                dir.toString(),
                "--action",
                "read",
                "--until",
                "2026-12-01T09:00:00.003Z",
                "--format",
                "json");
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("grant").asText()).isEqualTo("grant-1");
        assertThat(rows.get(0).path("fields")).isEmpty();

        CliRun bad = CliRun.of("audit", "query", "--from", dir.toString(), "--since", "yesterday");
        assertThat(bad.exit()).isEqualTo(DsxCli.USAGE);
        assertThat(bad.errLine()).contains("--since").contains("expected a date");
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(AuditOutput.csv(List.of("=HYPERLINK(\"x\")", "a,b", "plain")))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",plain");
    }

    @Test
    void disclosuresListExactlyTheReleasesOfTheSubjectAndNeverPrintTheIdentifier() throws Exception {
        Path dir = log.write(tmp.resolve("export"));
        try (AuditStubGateway gw = new AuditStubGateway(log)) {
            byte[] stdin = (AuditExportFixture.SUBJECT + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CliRun run = disclosures(gw, dir, stdin, "visits", "--subject-file", "-", "--format", "csv");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines().toList())
                    .containsExactly(
                            "time,log,seq,researcher,institution,job,fields,grant,purpose",
                            "2026-12-01T09:00:00.005Z,0,1,job-1,uni-a,job-1,age ward,grant-1,DUO:0000042",
                            "2026-12-01T09:00:01.005Z,0,3,job-2,uni-b,job-2,age ward,grant-2,DUO:0000042");
            assertThat(run.out() + run.err()).doesNotContain(AuditExportFixture.SUBJECT);
            assertThat(gw.requests).containsExactly("POST /v1/audit/subject-hash");
            assertThat(gw.bodies.get(0)).contains(AuditExportFixture.SUBJECT);

            CliRun other = disclosures(gw, dir, new byte[0], "visits", "--subject", "patient-15");
            assertThat(other.out().lines().filter(l -> l.contains("job-")).toList())
                    .hasSize(1);
            assertThat(other.out()).contains("job-2").doesNotContain("patient-15");

            CliRun echoed = disclosures(gw, dir, new byte[0], "labs", "--subject", "patient-15");
            assertThat(echoed.exit()).isEqualTo(DsxCli.FAILURE);
            assertThat(echoed.errLine()).isEqualTo("dsx: gateway answered 404 unknown_dataset: no dataset for ***");
        }
    }

    @Test
    void reportIsOneSelfContainedHtmlFileWithChartsRefusalsGrantsAndTheVerification() throws Exception {
        Path dir = log.write(tmp.resolve("export"));
        Path html = tmp.resolve("report.html");
        CliRun run = CliRun.of("audit", "report", "--from", dir.toString(), "--out", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String page = Files.readString(html);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("Every log verifies.")
                .contains("size 13, root");
        assertThat(page)
                .contains("<svg")
                .contains("<polyline")
                .contains(">uni-a<")
                .contains(">visits<");
        assertThat(page).contains("read: the job token has expired").contains("grant-2");
        assertThat(page)
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("<script")
                .doesNotContain("url(");

        AuditExportFixture changed = new AuditExportFixture();
        changed.events.remove(4);
        Path bad = changed.write(tmp.resolve("bad"));
        CliRun failing = CliRun.of("audit", "report", "--from", bad.toString(), "--out", html.toString());
        assertThat(failing.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(Files.readString(html)).contains("Verification FAILED").contains("sequence_broken");
    }

    private static CliRun disclosures(AuditStubGateway gw, Path dir, byte[] stdin, String dataset, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "audit",
                "disclosures",
                "--gateway",
                gw.uri().toString(),
                "--from",
                dir.toString(),
                "--dataset",
                dataset));
        args.addAll(List.of(options));
        return CliRun.withStdin(AUDITOR, stdin, args.toArray(String[]::new));
    }
}
