package io.dsx.gateway.access;

import io.dsx.gateway.jobs.JobRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The in-memory view of {@code dsx.grants}. A record replaces the one held for its id when its
 * revision is higher, or, when it comes from the topic, equal (so two gateways that wrote the same
 * revision at once both end with the one the topic holds last). Readers see immutable records.
 */
public final class AccessView {

    private final Map<String, AccessRecord> requests = new ConcurrentHashMap<>();
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();

    /** A record this gateway just wrote. */
    public void applyLocal(AccessRecord r) {
        requests.merge(r.id(), r, (old, neu) -> neu.revision() > old.revision() ? neu : old);
    }

    /** A record read from {@code dsx.grants}. */
    public void applyFromTopic(Object record) {
        if (record instanceof AccessRecord r) {
            requests.merge(r.id(), r, (old, neu) -> neu.revision() >= old.revision() ? neu : old);
        } else if (record instanceof JobRecord j) {
            jobs.merge(j.id(), j, (old, neu) -> neu.revision() >= old.revision() ? neu : old);
        }
    }

    public void applyLocal(JobRecord j) {
        jobs.merge(j.id(), j, (old, neu) -> neu.revision() > old.revision() ? neu : old);
    }

    public Optional<AccessRecord> request(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    public Optional<JobRecord> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Requests matching {@code filter}, newest first (ids are UUIDv7: time-ordered). */
    public List<AccessRecord> requests(Predicate<AccessRecord> filter) {
        return requests.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(AccessRecord::id).reversed())
                .toList();
    }

    public List<JobRecord> jobs(Predicate<JobRecord> filter) {
        return jobs.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(JobRecord::id).reversed())
                .toList();
    }
}
