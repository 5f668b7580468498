package io.dsx.connectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.Policy;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.decision.DecisionPoint;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay with the real reference bundle (policy/bundles/reference): access requests decided as the
 * gateway decides them (strict, the decision's time as clock) re-derive exactly, and a what-if with a
 * stricter setting lists exactly the requests it changes.
 */
class ReferenceBundleReplayTest {
    private static final Path REFERENCE =
            Path.of("..", "policy", "bundles", "reference").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void accessRequestsDecidedByTheReferenceBundleReplayAndAStricterSettingChangesExactlyTheLongOnes()
            throws Exception {
        Map<String, String> files = files(REFERENCE);
        Policy policy = Policy.fromBundle(Bundle.of(AuditExportFixture.bytes(files)));
        String revision = Bundle.of(AuditExportFixture.bytes(files)).revision();
        List<AuditEvent> events = new ArrayList<>();
        int[] days = {30, 200, 10, 300};
        String[] purposes = {"HMB", "HMB", "DS", "HMB"};
        for (int i = 0; i < days.length; i++) {
            Instant at = Instant.parse("2026-12-07T12:00:00Z").plusSeconds(i);
            String input = request(purposes[i], days[i], at);
            long now = at.getEpochSecond() * 1_000_000_000L;
            String result = Json.write(DecisionPoint.of(
                            policy,
                            () -> EvalOptions.defaults().withStrict(true).withNowNs(now))
                    .decide("request_access", Json.parse(input))
                    .toValue());
            AuditDetail d = AuditDetail.of("request_access", "u-1", AuditOutcome.ALLOWED)
                    .withSubjectKind("researcher", "uni")
                    .withDataset("cardio-visits");
            events.add(new AuditEvent(
                    "r-" + i,
                    at,
                    "data.dsx.request_access.decision",
                    input,
                    result,
                    revision,
                    new TreeMap<>(Map.of("gateway", "gw-1")),
                    d));
        }
        Path dir = new AuditExportFixture(events, files).write(tmp.resolve("export"));
        List<AuditReplay.Finding> findings = new ArrayList<>();
        AuditReplay.Summary s = AuditReplay.replay(AuditExport.open(dir), ProgressListener.NONE, findings::add);
        assertThat(findings).isEmpty();
        assertThat(s.decisions()).isEqualTo(4);
        assertThat(s.rederived()).isEqualTo(4);

        Path stricter = AuditExportFixture.writeBundle(
                tmp.resolve("stricter"),
                Map.of(
                        "/data.json",
                                files.get("/data.json")
                                        .replace("\"max_duration_days\": 365", "\"max_duration_days\": 100"),
                        "/dsx/common.rego", files.get("/dsx/common.rego"),
                        "/dsx/duo.rego", files.get("/dsx/duo.rego"),
                        "/dsx/request_access.rego", files.get("/dsx/request_access.rego"),
                        "/dsx/read.rego", files.get("/dsx/read.rego")));
        assertThat(Files.readString(stricter.resolve("data.json"))).contains("\"max_duration_days\": 100");
        List<AuditReplay.Finding> changed = new ArrayList<>();
        AuditReplay.whatIf(AuditExport.open(dir), stricter, ProgressListener.NONE, changed::add);
        assertThat(changed).extracting(AuditReplay.Finding::decisionId).containsExactly("r-1", "r-3");
        assertThat(changed).allSatisfy(f -> assertThat(f.kind()).isEqualTo(AuditReplay.Kind.CHANGED));
        assertThat(changed).allSatisfy(f -> assertThat(f.detail()).startsWith("allow true -> false"));
    }

    private static String request(String purpose, int days, Instant at) {
        String visa = "{\"iss\":\"https://visas.dsx.example\",\"exp\":1893456000,\"ga4gh_visa_v1\":{\"type\":\"%s\","
                + "\"value\":\"%s\",\"source\":\"https://visas.dsx.example\",\"by\":\"so\",\"asserted\":1700000000}}";
        String visas = String.join(
                ",",
                visa.formatted("ResearcherStatus", "https://doi.org/10.1038/s41431-018-0219-y"),
                visa.formatted("AcceptedTermsAndPolicies", "https://dsx.example/terms/data-access-agreement/v1"),
                visa.formatted("AffiliationAndRole", "faculty@uni.example"));
        String fields = "{\"ward\":{\"sensitivity\":\"non_sensitive\",\"tags\":[],\"type\":\"string\"},"
                + "\"visit_date\":{\"sensitivity\":\"quasi_identifier\",\"tags\":[\"date\"],\"type\":\"string\"}}";
        return "{\"action\":\"request_access\",\"subject\":{\"id\":\"u-1\",\"kind\":\"researcher\",\"institution\":\"\","
                + "\"roles\":[\"researcher\"],\"affiliation\":\"University of Example\",\"visas\":[" + visas
                + "],\"attributes\":{\"country\":\"NL\"}},\"resource\":{\"dataset\":{\"id\":\"cardio-visits\","
                + "\"owner\":\"hospital-a\",\"duo\":[\"DUO:0000006\"],\"fields\":" + fields
                + "},\"fields_requested\":[\"ward\",\"visit_date\"]},\"context\":{\"purpose\":{\"code\":\"" + purpose
                + "\"},\"project\":\"heart-study\",\"ethics_approval\":\"METC-2026-001\",\"time\":\"" + at
                + "\",\"request_id\":\"r-1\",\"duration_days\":" + days + "}}";
    }

    /** The bundle's files as the gateway keeps them on dsx.policies (tests left out: PolicyStore ships none). */
    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = "/" + root.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith("data.json") || rel.endsWith(".rego") && !rel.endsWith("_test.rego")) {
                    out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
