package io.dsx.gateway.it;

import io.dsx.gateway.ingest.IngestFaults;
import java.util.concurrent.atomic.AtomicReference;

/** Aborts the contribution whose id is armed, once: "the gateway failed midway". */
public final class SwitchableFaults implements IngestFaults {

    private final AtomicReference<String> armed = new AtomicReference<>();

    public void abortOnce(String contributionId) {
        armed.set(contributionId);
    }

    @Override
    public void beforeCommit(String contributionId) {
        if (contributionId.equals(armed.get()) && armed.compareAndSet(armed.get(), null)) {
            throw new IllegalStateException("injected failure before commit");
        }
    }
}
