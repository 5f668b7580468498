package io.dsx.gateway.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where an accepted contribution's time goes, per phase ({@code dsx_ingest_phase_seconds{phase=...}}
 * on /actuator/prometheus): check (parse, ids, keys), verify (signature), open (HPKE, Merkle, record
 * checks), encrypt (sealing the stored segments), produce (DEKs and segments written and acknowledged),
 * commit (the ledger entry); and {@code dsx_ingest_orphan_segments_total}: segments written for a
 * contribution whose ledger entry was not, which no reader ever serves.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private final io.micrometer.core.instrument.Counter orphans;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.orphans = io.micrometer.core.instrument.Counter.builder("dsx.ingest.orphan.segments")
                .description("stored segments written for a contribution whose ledger entry was not (never served)")
                .register(registry);
    }

    void record(String phase, long nanos) {
        timers.computeIfAbsent(
                        phase,
                        p -> Timer.builder("dsx.ingest.phase")
                                .tag("phase", p)
                                .description("time an accepted contribution spends in each ingest phase")
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void orphans(int segments) {
        orphans.increment(segments);
    }

    /** Stored segments orphaned so far (written, their contribution not committed). */
    public double orphanSegments() {
        return orphans.count();
    }
}
