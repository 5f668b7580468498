package io.dsx.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.connectors.audit.AuditExport;
import io.dsx.connectors.audit.AuditReplay;
import io.dsx.connectors.audit.ProgressListener;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's side and the auditor's side agree: a decision as the gateway records it (path, input,
 * result, revision of {@link PolicyDecision}) under the bundle as it keeps it on dsx.policies
 * ({@link PolicyLog}) is re-derived by {@code dsx audit replay}'s engine.
 */
class PolicyDecisionReplayTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void decisionsOfTheReferenceBundleAsRecordedReplayWithThePolicyAsKept() throws Exception {
        PolicyStore store = PolicyStore.load(new PolicySettings("", Duration.ofSeconds(1), 10_000_000L), CLOCK);
        List<PolicyDecision> decisions = List.of(
                store.decide(
                        "read",
                        Map.of("subject", Map.of("kind", "job"), "context", Map.of("time", "2026-12-07T12:00:00Z"))),
                store.decide(
                        "request_access",
                        Map.of(
                                "subject",
                                Map.of("kind", "researcher"),
                                "context",
                                Map.of("time", "2026-12-07T12:00:00Z"))));
        AuditChain.Appender appender = AuditChain.Appender.start("dsx.test/audit/0");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < decisions.size(); i++) {
            PolicyDecision d = decisions.get(i);
            AuditEvent e = new AuditEvent(
                    "d-" + i,
                    CLOCK.instant(),
                    d.path(),
                    d.inputJson(),
                    d.resultJson(),
                    d.revision(),
                    new TreeMap<>(Map.of("gateway", "gw-1")),
                    AuditDetail.of("read", "u-1", AuditOutcome.DENIED));
            lines.append("{\"seq\":")
                    .append(i)
                    .append(",\"event\":\"")
                    .append(Base64.getEncoder()
                            .encodeToString(appender.append(e).bytes()))
                    .append("\"}\n");
        }
        Files.createDirectories(dir.resolve("logs/0"));
        Files.writeString(dir.resolve("logs/0/events.ndjson"), lines);
        Files.writeString(dir.resolve("verifier.key"), "unused by replay\n");
        Files.createDirectories(dir.resolve("policies"));
        Files.write(
                dir.resolve("policies").resolve(AuditExport.policyFileName(store.revision())),
                PolicyLog.value(store, "gw-1", CLOCK.instant()));

        List<AuditReplay.Finding> findings = new ArrayList<>();
        AuditReplay.Summary s = AuditReplay.replay(AuditExport.open(dir), ProgressListener.NONE, findings::add);
        assertThat(findings).isEmpty();
        assertThat(s.decisions()).isEqualTo(2);
        assertThat(s.rederived()).isEqualTo(2);
    }
}
