package io.dsx.gateway.jobs;

import io.dsx.gateway.access.AccessRecord;
import io.dsx.gateway.access.AccessView;
import io.dsx.gateway.access.GrantsLog;
import io.dsx.gateway.outcome.Outcome;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.schemas.envelope.UuidV7;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** Submits jobs under live grants (written to {@code dsx.grants} before they are answered) and issues their tokens. */
public final class JobService {

    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** A job and a fresh token for it. */
    public record Issued(JobRecord job, String token, Instant tokenExpiresAt) {}

    private final AccessView view;
    private final JobTokens tokens;
    private final GrantsLog log;
    private final Clock clock;
    private final UuidV7 ids;

    public JobService(AccessView view, JobTokens tokens, GrantsLog log, Clock clock, SecureRandom random) {
        this.view = view;
        this.tokens = tokens;
        this.log = log;
        this.clock = clock;
        this.ids = new UuidV7(clock, random);
    }

    public Outcome<Issued> submit(DsxPrincipal researcher, String grantId, String codeDigest, String description) {
        if (codeDigest == null || !DIGEST.matcher(codeDigest).matches()) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "codeDigest must be sha256:<64 lowercase hex digits>");
        }
        if (description == null
                || description.isBlank()
                || description.length() > 1000
                || description.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            return Outcome.refused(Code.MALFORMED_REQUEST, "description is required, at most 1000 characters");
        }
        Outcome<AccessRecord> grant = liveGrantOf(researcher, grantId);
        if (!(grant instanceof Outcome.Ok<AccessRecord> ok)) {
            return new Outcome.Refused<>(((Outcome.Refused<AccessRecord>) grant).refusal());
        }
        JobRecord job = new JobRecord(
                1,
                ids.next().toString(),
                1,
                grantId,
                ok.value().dataset(),
                researcher.id(),
                codeDigest,
                description.strip(),
                clock.instant());
        log.write(job);
        return Outcome.ok(issue(job, ok.value()));
    }

    /** A fresh token for one of the researcher's jobs, while its grant is live. */
    public Outcome<Issued> token(DsxPrincipal researcher, String jobId) {
        JobRecord job = view.job(jobId)
                .filter(j -> j.researcher().equals(researcher.id()))
                .orElse(null);
        if (job == null) {
            return Outcome.refused(Code.UNKNOWN_JOB, "no job " + jobId + " of yours");
        }
        Outcome<AccessRecord> grant = liveGrantOf(researcher, job.grantId());
        if (!(grant instanceof Outcome.Ok<AccessRecord> ok)) {
            return new Outcome.Refused<>(((Outcome.Refused<AccessRecord>) grant).refusal());
        }
        return Outcome.ok(issue(job, ok.value()));
    }

    private Issued issue(JobRecord job, AccessRecord grant) {
        String token = tokens.issue(job, grant.grant().expiresAt());
        return new Issued(job, token, tokens.verify(token).claims().expiresAt());
    }

    private Outcome<AccessRecord> liveGrantOf(DsxPrincipal researcher, String grantId) {
        AccessRecord r = grantId == null ? null : view.request(grantId).orElse(null);
        if (r == null || !r.researcher().id().equals(researcher.id()) || r.grant() == null) {
            return Outcome.refused(Code.UNKNOWN_ACCESS_REQUEST, "no grant " + bounded(grantId) + " of yours");
        }
        if (!r.live(clock.instant())) {
            return Outcome.refused(
                    Code.GRANT_NOT_LIVE, "grant " + grantId + " is " + r.effectiveStatus(clock.instant()));
        }
        return Outcome.ok(r);
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) : s;
    }
}
