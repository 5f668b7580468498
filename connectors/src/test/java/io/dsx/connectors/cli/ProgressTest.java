package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void withoutATerminalEachContributionIsOnePlainLineWithTheRate() {
        Progress p = new Progress(new PrintWriter(text, true), false, 1000, nanos::get);
        nanos.set(2_000_000_000L);
        p.accepted(1000, 400);
        nanos.set(4_000_000_000L);
        p.accepted(500, 1000);
        p.finish(1000);
        assertThat(text.toString().lines())
                .containsExactly(
                        "dsx: contribution 1 accepted: 1000 records (1000 in all, 500 records/s)",
                        "dsx: contribution 2 accepted: 500 records (1500 in all, 375 records/s)");
    }

    @Test
    void onATerminalABarIsRedrawnInPlaceAndEndsWithALineBreak() {
        Progress p = new Progress(new PrintWriter(text, true), true, 1000, nanos::get);
        nanos.set(1_000_000_000L);
        p.accepted(100, 500);
        nanos.set(1_050_000_000L);
        p.accepted(100, 600); // within 100 ms of the last draw: not redrawn
        nanos.set(2_000_000_000L);
        p.finish(1000);
        String out = text.toString();
        assertThat(out).startsWith("\r[###############...............] 50% 100 records, 100 records/s, 1 contribution");
        assertThat(out).doesNotContain("60%");
        assertThat(out)
                .endsWith("\r[##############################] 100% 200 records, 100 records/s, 2 contributions"
                        + System.lineSeparator());
    }

    @Test
    void anUnknownSizeShowsNoPercentage() {
        Progress p = new Progress(new PrintWriter(text, true), true, -1, nanos::get);
        nanos.set(1_000_000_000L);
        p.accepted(10, 5);
        assertThat(text.toString()).startsWith("\r[??????????????????????????????] 10 records");
    }
}
