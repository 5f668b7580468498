package io.dsx.schemas.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The dsx part of an audit event ({@code dsx} in the JSON form). Optional facts are null when absent.
 * {@code subjectsServed} holds keyed hashes (64 lower-case hex characters), never identifiers.
 */
public record AuditDetail(
        String action,
        String subject,
        String subjectKind,
        String institution,
        String dataset,
        List<String> fields,
        Long recordCount,
        String offsets,
        String jobId,
        String grantId,
        AuditOutcome outcome,
        String reason,
        List<String> subjectsServed) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    private static final Pattern SUBJECT_HASH = Pattern.compile("[0-9a-f]{64}");

    public AuditDetail {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must match " + ACTION.pattern());
        }
        AuditEvent.checkText("subject", subject, false);
        AuditEvent.checkText("subject_kind", subjectKind, true);
        AuditEvent.checkText("institution", institution, true);
        AuditEvent.checkText("dataset", dataset, true);
        AuditEvent.checkText("job_id", jobId, true);
        AuditEvent.checkText("grant_id", grantId, true);
        AuditEvent.checkText("reason", reason, true);
        fields = List.copyOf(fields == null ? List.of() : fields);
        if (fields.size() > AuditLimits.MAX_FIELDS) {
            throw new IllegalArgumentException("more than " + AuditLimits.MAX_FIELDS + " fields");
        }
        fields.forEach(f -> AuditEvent.checkText("field", f, false));
        if (recordCount != null && recordCount < 0) {
            throw new IllegalArgumentException("record_count must not be negative");
        }
        if (offsets != null) {
            offsets = CanonicalJson.of(offsets);
        }
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        subjectsServed = List.copyOf(subjectsServed == null ? List.of() : subjectsServed);
        if (subjectsServed.size() > AuditLimits.MAX_SUBJECTS) {
            throw new IllegalArgumentException("more than " + AuditLimits.MAX_SUBJECTS + " subjects in one event");
        }
        for (String h : subjectsServed) {
            if (h == null || !SUBJECT_HASH.matcher(h).matches()) {
                throw new IllegalArgumentException(
                        "subjects_served holds keyed hashes (64 lower-case hex), nothing else");
            }
        }
    }

    /** A detail with only the always-present facts; add the rest with the {@code with*} methods. */
    public static AuditDetail of(String action, String subject, AuditOutcome outcome) {
        return new AuditDetail(
                action, subject, null, null, null, List.of(), null, null, null, null, outcome, null, List.of());
    }

    public AuditDetail withSubjectKind(String kind, String institutionId) {
        return new AuditDetail(
                action,
                subject,
                kind,
                institutionId,
                dataset,
                fields,
                recordCount,
                offsets,
                jobId,
                grantId,
                outcome,
                reason,
                subjectsServed);
    }

    public AuditDetail withDataset(String datasetId) {
        return new AuditDetail(
                action,
                subject,
                subjectKind,
                institution,
                datasetId,
                fields,
                recordCount,
                offsets,
                jobId,
                grantId,
                outcome,
                reason,
                subjectsServed);
    }

    public AuditDetail withRelease(List<String> releasedFields, Long count, String offsetsJson) {
        return new AuditDetail(
                action,
                subject,
                subjectKind,
                institution,
                dataset,
                releasedFields,
                count,
                offsetsJson,
                jobId,
                grantId,
                outcome,
                reason,
                subjectsServed);
    }

    public AuditDetail withGrant(String grant, String job) {
        return new AuditDetail(
                action,
                subject,
                subjectKind,
                institution,
                dataset,
                fields,
                recordCount,
                offsets,
                job,
                grant,
                outcome,
                reason,
                subjectsServed);
    }

    public AuditDetail withReason(String why) {
        return new AuditDetail(
                action,
                subject,
                subjectKind,
                institution,
                dataset,
                fields,
                recordCount,
                offsets,
                jobId,
                grantId,
                outcome,
                why,
                subjectsServed);
    }

    public AuditDetail withSubjectsServed(List<String> keyedHashes) {
        return new AuditDetail(
                action,
                subject,
                subjectKind,
                institution,
                dataset,
                fields,
                recordCount,
                offsets,
                jobId,
                grantId,
                outcome,
                reason,
                keyedHashes);
    }
}
