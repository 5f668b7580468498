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
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Map<Integer, Long> applied = new ConcurrentHashMap<>();

    /** A grant's record count, folded from its usage records in topic order. */
    private static final class Usage {
        long used;
        /** Reservations that hold and are not settled yet: id to records reserved. */
        final Map<String, Long> open = new java.util.HashMap<>();
        /** Reservations that did not hold. */
        final java.util.Set<String> refused = new java.util.HashSet<>();
    }

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
        } else if (record instanceof GrantUsage u) {
            fold(u);
        }
    }

    /**
     * Usage comes only from the topic, in its order: a reservation holds when the count so far plus
     * it is within the grant's {@code max_records} (no limit: always); a settle gives back what a
     * holding reservation did not send.
     */
    private void fold(GrantUsage u) {
        Usage g = usage.computeIfAbsent(u.grant(), k -> new Usage());
        synchronized (g) {
            if (GrantUsage.RESERVE.equals(u.kind())) {
                long max = maxRecords(u.grant());
                if (g.used + u.records() <= max && !g.open.containsKey(u.reservation())) {
                    g.used += u.records();
                    g.open.put(u.reservation(), u.records());
                } else {
                    g.refused.add(u.reservation());
                }
            } else {
                Long reserved = g.open.remove(u.reservation());
                if (reserved != null) {
                    g.used -= reserved - Math.min(reserved, u.records());
                }
            }
            g.notifyAll();
        }
    }

    /** The grant's {@code max_records} obligation, or no limit. */
    public long maxRecords(String grantId) {
        AccessRecord r = requests.get(grantId);
        Object m =
                r == null || r.grant() == null ? null : r.grant().obligations().get("max_records");
        return m instanceof Number n && n.longValue() >= 0 ? n.longValue() : Long.MAX_VALUE;
    }

    /** Records counted against the grant so far (reserved and not given back). */
    public long used(String grantId) {
        Usage g = usage.get(grantId);
        if (g == null) {
            return 0;
        }
        synchronized (g) {
            return g.used;
        }
    }

    /** Whether the reservation holds, once this view has folded it (empty if it has not yet). */
    public Optional<Boolean> reservationHolds(String grantId, String reservation) {
        Usage g = usage.get(grantId);
        if (g == null) {
            return Optional.empty();
        }
        synchronized (g) {
            if (g.refused.contains(reservation)) {
                return Optional.of(false);
            }
            return g.open.containsKey(reservation) ? Optional.of(true) : Optional.empty();
        }
    }

    /** The follower applied the record at {@code offset} of {@code partition}. */
    public synchronized void appliedUpTo(int partition, long offset) {
        applied.merge(partition, offset, Math::max);
        notifyAll();
    }

    /** Waits until the record at {@code offset} of {@code partition} is applied; false on timeout. */
    public synchronized boolean awaitApplied(int partition, long offset, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (applied.getOrDefault(partition, -1L) < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
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
