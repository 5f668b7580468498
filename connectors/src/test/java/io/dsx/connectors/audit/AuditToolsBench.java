package io.dsx.connectors.audit;

import io.dsx.policy.Policy;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.decision.DecisionPoint;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import io.dsx.schemas.audit.AuditTree;
import io.dsx.schemas.audit.AuditVerifier;
import io.dsx.schemas.audit.Verdict;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rates of the audit tools over an export of {@code reads} decisions and as many releases (docs/performance.md,
 * "Audit tools"), each against a baseline in the same run: export verify against {@link AuditVerifier} over the
 * same bytes in memory (what reading the export costs). Not a test; run by hand:
 * {@code java -cp connectors/target/classes:connectors/target/test-classes:$(cat connectors/target/classpath.txt)
 * io.dsx.connectors.audit.AuditToolsBench 100000 /tmp/audit-export}.
 */
public final class AuditToolsBench {
    private AuditToolsBench() {}

    public static void main(String[] args) throws Exception {
        int reads = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Map<String, String> files = AuditExportFixture.bundle("[\"uni-a\", \"uni-b\"]");
        Map<String, byte[]> raw = new TreeMap<>();
        files.forEach((k, v) -> raw.put(k, v.getBytes(StandardCharsets.UTF_8)));
        Bundle bundle = Bundle.of(raw);
        List<byte[]> events = new ArrayList<>();
        List<String> checkpoints = new ArrayList<>();
        generate(reads, bundle, events, checkpoints);
        write(dir, events, checkpoints, files, bundle.revision());
        AuditExport export = AuditExport.open(dir);
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            AuditVerifier v = new AuditVerifier(AuditExportFixture.ORIGIN, AuditExportFixture.VERIFIER, true);
            events.forEach(v::accept);
            Verdict inMemory = v.finish(checkpoints, null);
            double base = seconds(t);
            t = System.nanoTime();
            boolean ok = ExportVerification.verify(
                            export, AuditExportFixture.VERIFIER, List.of(), ProgressListener.NONE)
                    .ok();
            double verify = seconds(t);
            t = System.nanoTime();
            AuditReplay.Summary replay = AuditReplay.replay(export, ProgressListener.NONE, f -> {});
            double replaySeconds = seconds(t);
            t = System.nanoTime();
            long rows = AccessQuery.run(
                    export,
                    new AccessQuery.Filter(null, null, "uni-b", null, null, null, null),
                    ProgressListener.NONE,
                    a -> {});
            double query = seconds(t);
            System.out.printf(
                    "round %d: %d events (ok %s/%s): in-memory verify %.0f ev/s, export verify %.0f ev/s "
                            + "(ratio %.2f), replay %.0f decisions/s (%d of %d re-derived), query %.0f ev/s (%d rows)%n",
                    round,
                    events.size(),
                    inMemory.ok(),
                    ok,
                    events.size() / base,
                    events.size() / verify,
                    base / verify,
                    replay.decisions() / replaySeconds,
                    replay.rederived(),
                    replay.decisions(),
                    events.size() / query,
                    rows);
        }
    }

    private static void generate(int reads, Bundle bundle, List<byte[]> events, List<String> checkpoints) {
        Policy policy = Policy.fromBundle(bundle);
        AuditChain.Appender appender = AuditChain.Appender.start(AuditExportFixture.ORIGIN);
        AuditTree tree = new AuditTree();
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        TreeMap<String, String> labels = new TreeMap<>(Map.of("gateway", "gw-1"));
        for (int i = 0; i < reads; i++) {
            Instant at = t0.plusSeconds(i);
            String institution = i % 3 == 0 ? "uni-b" : "uni-a";
            String job = "job-" + i % 50;
            String input =
                    "{\"action\":\"read\",\"subject\":{\"id\":\"" + job + "\",\"kind\":\"job\",\"institution\":\""
                            + institution + "\"},\"resource\":{\"dataset\":{\"id\":\"visits\"},\"fields_requested\":"
                            + "[\"age\",\"ward\"]},\"context\":{\"time\":\"" + at + "\"}}";
            String result = Json.write(
                    DecisionPoint.of(policy, () -> EvalOptions.defaults().withStrict(true))
                            .decide("read", Json.parse(input))
                            .toValue());
            AuditDetail d = AuditDetail.of("read", job, AuditOutcome.ALLOWED)
                    .withSubjectKind("job", institution)
                    .withDataset("visits")
                    .withGrant("grant-" + i % 50, job);
            for (AuditEvent e : List.of(
                    new AuditEvent("d" + i, at, "data.dsx.read.decision", input, result, bundle.revision(), labels, d),
                    AuditEvent.action(
                            at,
                            "{}",
                            labels,
                            d.withRelease(List.of("age", "ward"), 10L, null)
                                    .withSubjectsServed(List.of(AuditExportFixture.subjectHash("visits", "p" + i)))))) {
                byte[] b = appender.append(e).bytes();
                events.add(b);
                tree.append(b);
                if (tree.size() % 1000 == 0) {
                    checkpoints.add(AuditCheckpoints.sign(
                            AuditExportFixture.ORIGIN,
                            tree.size(),
                            tree.root(),
                            AuditExportFixture.KEY_NAME,
                            AuditExportFixture.KEY));
                }
            }
        }
    }

    private static void write(
            Path dir, List<byte[]> events, List<String> checkpoints, Map<String, String> files, String revision)
            throws Exception {
        Path log = Files.createDirectories(dir.resolve("logs/0"));
        try (BufferedWriter w = Files.newBufferedWriter(log.resolve("events.ndjson"))) {
            for (int i = 0; i < events.size(); i++) {
                w.write("{\"seq\":" + i + ",\"event\":\"" + Base64.getEncoder().encodeToString(events.get(i))
                        + "\"}\n");
            }
        }
        Files.writeString(log.resolve("checkpoints.txt"), CheckpointNotes.format(checkpoints));
        Files.writeString(dir.resolve("verifier.key"), AuditExportFixture.VERIFIER + "\n");
        Files.createDirectories(dir.resolve("policies"));
        Files.write(
                dir.resolve("policies").resolve(AuditExport.policyFileName(revision)),
                AuditExportFixture.policyRecord(files, revision));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
