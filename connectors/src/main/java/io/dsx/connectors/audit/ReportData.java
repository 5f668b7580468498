package io.dsx.connectors.audit;

import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What {@link AuditReport} shows, gathered in one pass over the events; every map bounded. */
final class ReportData {
    static final String OTHER = "(other)";
    static final int RECENT_REFUSALS = 100;

    long events;
    long decisions;
    final Map<String, Long> byAction = new TreeMap<>();
    /** day → dataset → records released. */
    final TreeMap<LocalDate, Map<String, Long>> accessesByDataset = new TreeMap<>();
    /** day → institution → records released. */
    final TreeMap<LocalDate, Map<String, Long>> accessesByInstitution = new TreeMap<>();

    final Map<String, Long> refusalsByReason = new TreeMap<>();
    final Deque<AuditEvent> recentRefusals = new ArrayDeque<>();
    final Map<String, Grant> grants = new LinkedHashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    /** One grant as the log shows it. */
    static final class Grant {
        String dataset;
        String institution;
        String researcher;
        String firstSeen;
        String lastAction;
        String lastOutcome;
        long reads;
        long records;
    }

    void add(AuditEvent e) {
        events++;
        AuditDetail d = e.dsx();
        if (e.isDecision()) {
            decisions++;
        }
        count(byAction, d.action(), 1);
        LocalDate day = e.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
        if (d.recordCount() != null && d.outcome() == AuditOutcome.ALLOWED) {
            count(accessesByDataset.computeIfAbsent(day, k -> new TreeMap<>()), name(d.dataset()), d.recordCount());
            count(
                    accessesByInstitution.computeIfAbsent(day, k -> new TreeMap<>()),
                    name(d.institution()),
                    d.recordCount());
        }
        if (d.outcome() == AuditOutcome.REFUSED || d.outcome() == AuditOutcome.DENIED) {
            count(
                    refusalsByReason,
                    d.action() + ": " + (d.reason() == null ? d.outcome().wire() : d.reason()),
                    1);
            recentRefusals.addLast(e);
            if (recentRefusals.size() > RECENT_REFUSALS) {
                recentRefusals.removeFirst();
            }
        }
        if (d.grantId() != null) {
            grant(e, d);
        }
    }

    private void grant(AuditEvent e, AuditDetail d) {
        Grant g = grants.get(d.grantId());
        if (g == null) {
            if (grants.size() >= ExportLimits.MAX_DISTINCT) {
                return;
            }
            g = new Grant();
            g.firstSeen = e.timestampText();
            grants.put(d.grantId(), g);
        }
        g.dataset = d.dataset() != null ? d.dataset() : g.dataset;
        g.institution = d.institution() != null ? d.institution() : g.institution;
        if (d.recordCount() != null) {
            g.reads++;
            g.records += d.recordCount();
        } else {
            g.researcher = g.researcher == null ? d.subject() : g.researcher;
            g.lastAction = d.action();
            g.lastOutcome = d.outcome().wire();
        }
    }

    /** A series name, or {@link #OTHER} once too many distinct names were seen. */
    private String name(String s) {
        String n = s == null ? "(none)" : s;
        if (names.contains(n)) {
            return n;
        }
        if (names.size() >= ExportLimits.MAX_DISTINCT) {
            return OTHER;
        }
        names.add(n);
        return n;
    }

    static void count(Map<String, Long> m, String key, long n) {
        if (m.size() >= ExportLimits.MAX_DISTINCT && !m.containsKey(key)) {
            key = OTHER;
        }
        m.merge(key, n, Long::sum);
    }
}
