package io.dsx.gateway.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where an accepted contribution's time goes, per phase ({@code dsx_ingest_phase_seconds{phase=...}}
 * on /actuator/prometheus): check (parse, ids, keys), verify (signature), open (HPKE, Merkle, decode),
 * encrypt (per-record AES-GCM), queue (waiting for a producer
 * or for the group's leader), produce (send records and ledger entries), commit; and
 * {@code dsx_ingest_group_contributions}: contributions per Kafka transaction.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private final io.micrometer.core.instrument.DistributionSummary groups;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.groups = io.micrometer.core.instrument.DistributionSummary.builder("dsx.ingest.group.contributions")
                .description("contributions written per Kafka transaction (group commit)").register(registry);
    }

    void record(String phase, long nanos) {
        timers.computeIfAbsent(phase, p -> Timer.builder("dsx.ingest.phase").tag("phase", p)
                .description("time an accepted contribution spends in each ingest phase").register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void recordGroup(int contributions) {
        groups.record(contributions);
    }

    /** Mean contributions per Kafka transaction (group commit), NaN before the first. */
    public double meanGroupSize() {
        return groups.count() == 0 ? Double.NaN : groups.mean();
    }

    /** Mean milliseconds per phase, for reports (the benchmark prints them). */
    public Map<String, Double> meanMillis() {
        Map<String, Double> out = new java.util.TreeMap<>();
        timers.forEach((phase, t) -> out.put(phase, t.mean(TimeUnit.MILLISECONDS)));
        return out;
    }
}
