package io.dsx.connectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.connectors.contributor.RetryPolicy;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export directory's format and its bounds: a hostile export or gateway gets a one-line refusal. */
class ExportFormatTest {
    @TempDir
    Path tmp;

    private final AuditExportFixture log = new AuditExportFixture();

    @Test
    void checkpointNotesRoundTripThroughTheirTextForm() throws Exception {
        String text = CheckpointNotes.format(log.checkpoints);
        assertThat(text).startsWith(AuditExportFixture.ORIGIN + "\n4\n").contains("\n\n\u2014 dsx.test/audit ");
        assertThat(CheckpointNotes.parse(text, "t")).isEqualTo(log.checkpoints);
        assertThat(CheckpointNotes.parse(text.strip(), "t")).isEqualTo(log.checkpoints);
        assertThat(CheckpointNotes.parse("", "t")).isEmpty();
    }

    @Test
    void aNoteWithoutSignatureOrWithAnOverlongLineIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> CheckpointNotes.parse("origin/0\n4\nAAAA\n", "cp.txt"))
                .isInstanceOf(AuditToolException.class)
                .hasMessage("cp.txt: the last checkpoint note has no signature");
        assertThatThrownBy(() -> CheckpointNotes.parse("origin/0\n4\nAAAA\n\nnot a signature\n", "cp.txt"))
                .hasMessage("cp.txt:5: expected a signature line or a blank line");
        assertThatThrownBy(() -> CheckpointNotes.parse("x".repeat(5_000) + "\n", "cp.txt"))
                .hasMessage("cp.txt:1: line longer than 4096 characters");
    }

    @Test
    void anOverlongEventLineIsRefusedWithoutBeingHeld() throws Exception {
        Path dir = log.write(tmp.resolve("e"));
        Path events = dir.resolve("logs/0/events.ndjson");
        Files.writeString(events, "{\"seq\":0,\"event\":\"" + "A".repeat(ExportLimits.MAX_EVENT_LINE_CHARS) + "\"}\n");
        try (EventReader r = AuditExport.open(dir).events(0)) {
            assertThatThrownBy(r::next).hasMessage(events + ":1: line longer than 1201000 characters");
        }
        Files.writeString(events, "{\"seq\":0,\"event\":\"" + "A".repeat(1_200_004) + "\"}\n");
        try (EventReader r = AuditExport.open(dir).events(0)) {
            assertThatThrownBy(r::next).hasMessage(events + ":1: an event has at most 900000 bytes");
        }
    }

    @Test
    void onlyNumberedLogDirectoriesAndSha256RevisionsAreAccepted() throws Exception {
        Path dir = log.write(tmp.resolve("e"));
        Files.createDirectories(dir.resolve("logs/00"));
        assertThatThrownBy(() -> AuditExport.open(dir)).hasMessageContaining("holds 00, which is not a log");
        assertThatThrownBy(() -> AuditExport.policyFileName("sha256:../../etc/passwd"))
                .hasMessage("policy revision sha256:../../etc/passwd is not sha256:<64 hex>");
        assertThatThrownBy(() -> AuditExport.open(tmp.resolve("nothing")))
                .hasMessageContaining("is not an audit export");
    }

    @Test
    void aGatewayThatSkipsAnEventFailsTheExportAndLeavesNoDirectory() throws Exception {
        try (AuditStubGateway gw = new AuditStubGateway(log)) {
            gw.skip = 7;
            GatewayClient client = new GatewayClient(
                    gw.uri(),
                    () -> "auditor-token",
                    HttpClient.newHttpClient(),
                    new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}));
            Path out = tmp.resolve("out");
            assertThatThrownBy(() -> AuditExporter.export(client, out, ProgressListener.NONE))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("log 0 seq 7: the gateway sent another seq");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void eventsACheckpointCoversThatAppearedDuringTheExportAreFetchedToo() throws Exception {
        try (AuditStubGateway gw = new AuditStubGateway(log)) {
            gw.visible = 6;
            Path out = tmp.resolve("out");
            AuditExporter.Summary s = AuditExporter.export(client(gw), out, ProgressListener.NONE);
            assertThat(s.events()).isEqualTo(13);
            assertThat(Files.readString(out.resolve("logs/0/events.ndjson")))
                    .isEqualTo(
                            Files.readString(log.write(tmp.resolve("expected")).resolve("logs/0/events.ndjson")));
            assertThat(ExportVerification.verify(
                                    AuditExport.open(out),
                                    AuditExportFixture.VERIFIER,
                                    List.of(),
                                    ProgressListener.NONE)
                            .ok())
                    .isTrue();
        }
    }

    private static GatewayClient client(AuditStubGateway gw) {
        return new GatewayClient(
                gw.uri(),
                () -> "auditor-token",
                HttpClient.newHttpClient(),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}));
    }

    @Test
    void theExportReportsProgressPerPage() throws Exception {
        try (AuditStubGateway gw = new AuditStubGateway(log)) {
            GatewayClient client = new GatewayClient(
                    gw.uri(),
                    () -> "auditor-token",
                    HttpClient.newHttpClient(),
                    new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}));
            List<Long> done = new java.util.ArrayList<>();
            AuditExporter.export(client, tmp.resolve("out"), (phase, n, total) -> {
                assertThat(phase).isEqualTo("export log 0");
                assertThat(total).isEqualTo(13);
                done.add(n);
            });
            assertThat(done).containsExactly(5L, 10L, 13L, 13L);
        }
    }
}
