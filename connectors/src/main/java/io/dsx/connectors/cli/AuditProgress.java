package io.dsx.connectors.cli;

import io.dsx.connectors.audit.ProgressListener;
import java.util.function.LongSupplier;

/**
 * Progress of a {@code dsx audit} run on stderr: on a terminal one line redrawn in place at most ten
 * times a second; otherwise a plain line at most every {@link #LOG_EVERY_NANOS}, so logs stay short.
 */
final class AuditProgress implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final CliContext ctx;
    private final LongSupplier nanoTime;
    private final long start;
    private long last;
    private boolean drawn;

    AuditProgress(CliContext ctx, LongSupplier nanoTime) {
        this.ctx = ctx;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.last = start;
    }

    AuditProgress(CliContext ctx) {
        this(ctx, System::nanoTime);
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        long now = nanoTime.getAsLong();
        if (now - last < (ctx.terminal() ? REDRAW_NANOS : LOG_EVERY_NANOS)) {
            return;
        }
        last = now;
        long rate = done * 1_000_000_000L / Math.max(1, now - start);
        String line = "dsx: " + phase + ": " + done
                + (total > 0 ? " of " + total + " (" + 100 * done / total + "%)" : "") + ", " + rate + "/s";
        if (ctx.terminal()) {
            ctx.err().print("\r" + line + "\u001b[K");
            ctx.err().flush();
            drawn = true;
        } else {
            ctx.err().println(line);
        }
    }

    /** Ends a line drawn in place, before the summary is printed. */
    synchronized void finish() {
        if (drawn) {
            ctx.err().print("\r\u001b[K");
            ctx.err().flush();
            drawn = false;
        }
    }
}
