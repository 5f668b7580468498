package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.connectors.audit.AuditExportFixture;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditCodec;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN invariant 6 through the command: each tampering is named at its first bad position. */
class AuditVerifyCommandTest {
    @TempDir
    Path tmp;

    private final AuditExportFixture log = new AuditExportFixture();

    @Test
    void theUntouchedLogVerifiesClean() throws Exception {
        CliRun run = verify(log, "--key", keyFile().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("log 0 (" + AuditExportFixture.ORIGIN + "): ok, 13 events, checkpoint 13");
        assertThat(run.errLine()).isEqualTo("dsx: 1 log(s) verify");
    }

    @Test
    void oneByteFlippedInAnyEventIsNamedAtThatEvent() throws Exception {
        for (int i = 0; i < log.events.size(); i++) {
            AuditExportFixture changed = new AuditExportFixture();
            byte[] e = changed.events.get(i);
            e[e.length / 2] ^= 0x01;
            assertFailsAt(verify(changed, "--key", keyFile().toString()), i);
        }
    }

    @Test
    void oneEventDeletedIsNamedWhereItWas() throws Exception {
        AuditExportFixture changed = new AuditExportFixture();
        changed.events.remove(5);
        CliRun run = verify(changed, "--key", keyFile().toString());
        assertFailsAt(run, 5);
        assertThat(run.out()).contains("sequence_broken");
    }

    @Test
    void twoEventsSwappedAreNamedAtTheFirst() throws Exception {
        AuditExportFixture changed = new AuditExportFixture();
        Collections.swap(changed.events, 3, 9);
        assertFailsAt(verify(changed, "--key", keyFile().toString()), 3);
    }

    @Test
    void theLogTruncatedIsNamedAtTheFirstMissingEvent() throws Exception {
        AuditExportFixture changed = new AuditExportFixture();
        changed.events.subList(10, changed.events.size()).clear();
        CliRun run = verify(changed, "--key", keyFile().toString());
        assertFailsAt(run, 10);
        assertThat(run.out()).contains("truncated");
    }

    @Test
    void aTailRewrittenWithAFreshValidChainIsCaughtByTheSignedCheckpoints() throws Exception {
        AuditExportFixture changed = rewrittenFrom(8);
        CliRun run = verify(changed, "--key", keyFile().toString());
        assertFailsAt(run, 8);
        assertThat(run.out()).contains("checkpoint_mismatch");
    }

    @Test
    void aRewrittenLogWithFreshCheckpointsOfAnotherKeyIsRefused() throws Exception {
        AuditExportFixture changed = rewrittenFrom(2);
        changed.checkpoints.clear();
        changed.checkpoints.add(io.dsx.schemas.audit.AuditCheckpoints.sign(
                AuditExportFixture.ORIGIN,
                changed.events.size(),
                root(changed.events),
                AuditExportFixture.KEY_NAME,
                AuditExportFixture.OTHER_KEY));
        CliRun run = verify(changed, "--key", keyFile().toString());
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.out()).contains("bad_checkpoint");
    }

    @Test
    void aRewrittenLogWithItsCheckpointsDroppedIsCaughtByTheSavedCheckpoint() throws Exception {
        Path saved = tmp.resolve("saved.checkpoints");
        CliRun first = verify(log, "--key", keyFile().toString(), "--save", saved.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(Files.readString(saved)).startsWith(AuditExportFixture.ORIGIN + "\n13\n");

        AuditExportFixture changed = rewrittenFrom(2);
        changed.checkpoints.clear();
        CliRun run = verify(changed, "--key", keyFile().toString(), "--saved", saved.toString());
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.out()).contains("inconsistent_with_saved");
        assertThat(run.errLine()).startsWith("dsx: verification failed: log 0 position 0");
    }

    @Test
    void aLogThatGrewSinceTheSavedCheckpointVerifies() throws Exception {
        Path saved = tmp.resolve("saved.checkpoints");
        Files.writeString(saved, log.checkpoints.get(1) + "\n");
        CliRun run = verify(log, "--key", keyFile().toString(), "--saved", saved.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("each extending the saved checkpoint");
    }

    @Test
    void aGivenKeyIsUsedEvenWhenTheExportCarriesABrokenOne() throws Exception {
        Path dir = log.write(tmp.resolve("k"));
        Files.writeString(dir.resolve("verifier.key"), "garbage\n");
        CliRun run = CliRun.of(
                "audit", "verify", "--from", dir.toString(), "--key", keyFile().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: the export's verifier key is unreadable");
        CliRun without = CliRun.of("audit", "verify", "--from", dir.toString());
        assertThat(without.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(without.err()).contains("does not hold a note verifier key");
    }

    @Test
    void withoutAKeyTheExportsKeyIsUsedAndTheCommandSaysSo() throws Exception {
        CliRun run = verify(log);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("checked with the key in the export");
    }

    @Test
    void aMalformedExportIsAOneLineError() throws Exception {
        Path dir = log.write(tmp.resolve("bad"));
        Files.writeString(dir.resolve("logs/0/events.ndjson"), "{\"seq\":0,\"event\":\"not base64!\"}\n");
        CliRun run = CliRun.of("audit", "verify", "--from", dir.toString());
        assertThat(run.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.err().lines().reduce((a, b) -> b).orElseThrow())
                .contains("events.ndjson:1")
                .contains("base64");
        CliRun neither = CliRun.of("audit", "verify");
        assertThat(neither.exit()).isEqualTo(DsxCli.FAILURE);
        assertThat(neither.errLine()).isEqualTo("dsx: give --from DIR (an export) or --gateway URL");
    }

    private AuditExportFixture rewrittenFrom(int k) throws Exception {
        AuditExportFixture changed = new AuditExportFixture();
        List<byte[]> kept = changed.events.subList(0, k);
        AuditChain.Appender appender = AuditChain.Appender.resumeAfter(AuditCodec.decode(kept.get(k - 1)));
        int total = changed.events.size();
        changed.events.subList(k, total).clear();
        for (int i = k; i < total; i++) {
            AuditDetail d =
                    AuditDetail.of("read", "job-1", AuditOutcome.ALLOWED).withDataset("visits");
            changed.events.add(appender.append(AuditEvent.action(
                            Instant.parse("2026-12-05T00:00:00Z"), "{}", Map.of("gateway", "gw-1"), d))
                    .bytes());
        }
        return changed;
    }

    private static byte[] root(List<byte[]> events) {
        io.dsx.schemas.audit.AuditTree tree = new io.dsx.schemas.audit.AuditTree();
        events.forEach(tree::append);
        return tree.root();
    }

    private static void assertFailsAt(CliRun run, long position) {
        assertThat(run.exit()).as(run.out()).isEqualTo(DsxCli.FAILURE);
        assertThat(run.out()).as(run.out()).contains("FAILED at position " + position + " (");
        assertThat(run.err().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("dsx: verification failed: log 0 position " + position + " (");
    }

    private CliRun verify(AuditExportFixture fixture, String... options) throws Exception {
        Path dir = fixture.write(Files.createTempDirectory(tmp, "export"));
        String[] args = new String[options.length + 4];
        args[0] = "audit";
        args[1] = "verify";
        args[2] = "--from";
        args[3] = dir.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.of(args);
    }

    private Path keyFile() throws Exception {
        Path f = tmp.resolve("audit.key");
        Files.writeString(f, AuditExportFixture.VERIFIER + "\n");
        return f;
    }
}
