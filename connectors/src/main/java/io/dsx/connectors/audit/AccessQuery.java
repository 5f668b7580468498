package io.dsx.connectors.audit;

import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Who read which fields of which dataset, when, under which grant and job: the events that released
 * records (those with a record count), or with {@code action} set every event of that action, filtered.
 */
public final class AccessQuery {
    /** Column names of {@link Access#cells()}. */
    public static final List<String> COLUMNS = List.of(
            "time",
            "log",
            "seq",
            "action",
            "outcome",
            "researcher",
            "institution",
            "dataset",
            "fields",
            "records",
            "grant",
            "job");

    /**
     * What to keep; null means any. {@code since} is inclusive, {@code until} exclusive.
     *
     * @param action an action to list instead of the record releases (e.g. {@code request_access})
     */
    public record Filter(
            String dataset,
            String researcher,
            String institution,
            String job,
            String action,
            Instant since,
            Instant until) {

        boolean keeps(AuditEvent e) {
            AuditDetail d = e.dsx();
            boolean kind = action == null ? d.recordCount() != null : action.equals(d.action());
            return kind
                    && matches(dataset, d.dataset())
                    && matches(researcher, d.subject())
                    && matches(institution, d.institution())
                    && matches(job, d.jobId())
                    && (since == null || !e.timestamp().isBefore(since))
                    && (until == null || e.timestamp().isBefore(until));
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.equals(actual);
        }
    }

    /** One access. */
    public record Access(
            int log,
            long seq,
            String time,
            String action,
            String outcome,
            String researcher,
            String institution,
            String dataset,
            List<String> fields,
            Long records,
            String grant,
            String job) {

        /** The values in {@link #COLUMNS} order, absent ones empty. */
        public List<String> cells() {
            return List.of(
                    time,
                    Integer.toString(log),
                    Long.toString(seq),
                    action,
                    outcome,
                    text(researcher),
                    text(institution),
                    text(dataset),
                    String.join(" ", fields),
                    records == null ? "" : records.toString(),
                    text(grant),
                    text(job));
        }
    }

    private AccessQuery() {}

    /** Sends every access the filter keeps to {@code out}, in log then seq order; returns how many. */
    public static long run(AuditExport export, Filter filter, ProgressListener progress, Consumer<Access> out)
            throws AuditToolException {
        long[] kept = {0};
        ExportEvents.forEach(export, progress, (partition, chained) -> {
            AuditEvent e = chained.event();
            if (filter.keeps(e)) {
                AuditDetail d = e.dsx();
                kept[0]++;
                out.accept(new Access(
                        partition,
                        chained.seq(),
                        e.timestampText(),
                        d.action(),
                        d.outcome().wire(),
                        d.subject(),
                        d.institution(),
                        d.dataset(),
                        d.fields(),
                        d.recordCount(),
                        d.grantId(),
                        d.jobId()));
            }
        });
        return kept[0];
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
