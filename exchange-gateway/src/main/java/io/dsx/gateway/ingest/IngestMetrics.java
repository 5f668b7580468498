package io.dsx.gateway.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where an accepted contribution's time goes, per phase ({@code dsx_ingest_phase_seconds{phase=...}}
 * on /actuator/prometheus): check (parse, ids, keys), verify (signature), open (HPKE, Merkle, decode),
 * encrypt (per-record AES-GCM), wait_producer, produce (send records and ledger entry), commit.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String phase, long nanos) {
        timers.computeIfAbsent(phase, p -> Timer.builder("dsx.ingest.phase").tag("phase", p)
                .description("time an accepted contribution spends in each ingest phase").register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Mean milliseconds per phase, for reports (the benchmark prints them). */
    public Map<String, Double> meanMillis() {
        Map<String, Double> out = new java.util.TreeMap<>();
        timers.forEach((phase, t) -> out.put(phase, t.mean(TimeUnit.MILLISECONDS)));
        return out;
    }
}
