package io.dsx.compose;

import java.io.IOException;
import java.time.Duration;

/** Polls until a started process answers, failing early (with its log's tail) if it exits. */
final class Readiness {

    interface Probe {
        /** True once ready; false or an exception while not yet. */
        boolean ready() throws Exception;
    }

    private Readiness() {}

    static void await(ManagedProcess process, Duration timeout, Probe probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(process.name() + " exited during start; last lines of " + process.logFile()
                        + ":\n" + process.tail(25));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception notYet) {
                // not answering yet
            }
            Thread.sleep(300);
        }
        throw new IOException(process.name() + " not ready within " + timeout + "; see " + process.logFile());
    }
}
