package io.dsx.connectors.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a contribution run on stderr: on a terminal a bar redrawn in place (fraction of the
 * input read, records, records/s, contributions, time left at the rate so far); otherwise one plain line
 * per contribution, so logs stay readable. Uploads report from several threads.
 */
final class Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean bar;
    private final long totalChars;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw;
    private boolean drawn;
    private long records;
    private int contributions;

    /**
     * @param totalChars size of the input, or -1 when unknown (standard input)
     */
    Progress(PrintWriter err, boolean bar, long totalChars, LongSupplier nanoTime) {
        this.err = err;
        this.bar = bar;
        this.totalChars = totalChars;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** A contribution of {@code count} records was accepted; {@code position} characters are read. */
    synchronized void accepted(int count, long position) {
        records += count;
        contributions++;
        if (bar) {
            draw(position, false);
        } else {
            err.println("dsx: contribution " + contributions + " accepted: " + count + " records (" + records
                    + " in all, " + rate() + " records/s)");
        }
    }

    /** Ends the bar's line. */
    synchronized void finish(long position) {
        if (bar && contributions > 0) {
            draw(position, true);
            err.println();
        }
    }

    synchronized long records() {
        return records;
    }

    synchronized int contributions() {
        return contributions;
    }

    private void draw(long position, boolean force) {
        long now = nanoTime.getAsLong();
        if (!force && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        drawn = true;
        lastDraw = now;
        StringBuilder line = new StringBuilder("\r[");
        if (totalChars > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * position / totalChars);
            line.append("#".repeat(filled))
                    .append(".".repeat(WIDTH - filled))
                    .append("] ")
                    .append(Math.min(100, 100 * position / totalChars))
                    .append("% ");
        } else {
            line.append("?".repeat(WIDTH)).append("] ");
        }
        line.append(records)
                .append(" records, ")
                .append(rate())
                .append(" records/s, ")
                .append(contributions)
                .append(contributions == 1 ? " contribution" : " contributions");
        if (totalChars > 0 && position > 0 && position < totalChars) {
            long elapsed = now - start;
            long left = (long) ((double) elapsed * (totalChars - position) / position / 1e9);
            line.append(", ~").append(left).append(" s left");
        }
        err.print(line);
        err.flush();
    }

    private long rate() {
        long elapsed = Math.max(1, nanoTime.getAsLong() - start);
        return records * 1_000_000_000L / elapsed;
    }
}
