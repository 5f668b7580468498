package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditProgressTest {
    @Test
    void offATerminalAPlainLineAtMostEveryFiveSecondsWithTheRate() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        AuditProgress p = new AuditProgress(context(err, false), () -> now[0]);
        now[0] = 1_000_000_000L; // within five seconds of the start: nothing yet
        p.progress("verify log 0", 1_000, -1);
        assertThat(err.toString()).isEmpty();
        now[0] = 6_000_000_000L;
        p.progress("verify log 0", 60_000, 120_000);
        now[0] = 7_000_000_000L;
        p.progress("verify log 0", 70_000, 120_000);
        assertThat(err.toString()).isEqualTo("dsx: verify log 0: 60000 of 120000 (50%), 10000/s\n");
    }

    @Test
    void onATerminalOneLineRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        AuditProgress p = new AuditProgress(context(err, true), () -> now[0]);
        now[0] = 200_000_000L;
        p.progress("events", 10, -1);
        p.finish();
        assertThat(err.toString()).isEqualTo("\rdsx: events: 10, 50/s\u001b[K\r\u001b[K");
    }

    private static CliContext context(StringWriter err, boolean terminal) {
        return CliRun.context(Map.of(), new byte[0], new StringWriter(), err, terminal);
    }
}
