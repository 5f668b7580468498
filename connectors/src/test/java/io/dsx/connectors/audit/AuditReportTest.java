package io.dsx.connectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything in the report that comes from the log is text: a hostile dataset name or reason stays inert. */
class AuditReportTest {
    @TempDir
    Path tmp;

    @Test
    void markupInTheLogIsEscapedEverywhereItIsShown() throws Exception {
        String evil = "<img src=x onerror=alert(1)>\"'&";
        AuditDetail read = AuditDetail.of("read", evil, AuditOutcome.ALLOWED)
                .withSubjectKind("job", evil)
                .withDataset(evil)
                .withGrant(evil, "job-1")
                .withRelease(List.of("age"), 4L, null);
        AuditDetail refused = AuditDetail.of("read", evil, AuditOutcome.REFUSED).withReason(evil);
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        List<AuditEvent> events = List.of(
                AuditEvent.action(at, "{}", Map.of("gateway", "gw-1"), read),
                AuditEvent.action(at.plusSeconds(90_000), "{}", Map.of("gateway", "gw-1"), read),
                AuditEvent.action(at, "{}", Map.of("gateway", "gw-1"), refused));
        AuditExport export = AuditExport.open(
                new AuditExportFixture(events, AuditExportFixture.bundle("[]")).write(tmp.resolve("e")));
        ExportVerification.Result v =
                ExportVerification.verify(export, AuditExportFixture.VERIFIER, List.of(), ProgressListener.NONE);
        String html = AuditReport.build(
                export, v, AuditExportFixture.VERIFIER, Instant.parse("2026-12-08T00:00:00Z"), ProgressListener.NONE);
        assertThat(html).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
        assertThat(html).contains("<polyline").contains("2026-12-01").contains("2026-12-02");
        assertThat(html).contains("Every log verifies.");
    }
}
