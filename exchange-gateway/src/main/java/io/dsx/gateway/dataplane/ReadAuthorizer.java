package io.dsx.gateway.dataplane;

import io.dsx.gateway.access.AccessRecord;
import io.dsx.gateway.access.AccessView;
import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.jobs.JobRecord;
import io.dsx.gateway.jobs.JobTokens;
import io.dsx.gateway.outcome.Outcome;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.policy.PolicyDecision;
import io.dsx.gateway.policy.PolicyInputs;
import io.dsx.gateway.policy.PolicyStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides one data-plane read: the token's job must be the job asked for and belong to its grant;
 * {@code data.dsx.read.decision} is evaluated against the grant as it stands now (status, expiry,
 * fields, obligations) and the dataset's current schema; the obligations must be enforceable.
 */
public final class ReadAuthorizer {

    /** A read the policy allows, and what it may see. */
    public record Authorized(
            JobRecord job, AccessRecord grant, Catalog.Dataset dataset, PolicyDecision decision, ReadShape shape) {}

    private final AccessView view;
    private final Catalog catalog;
    private final PolicyStore policy;
    private final Clock clock;

    public ReadAuthorizer(AccessView view, Catalog catalog, PolicyStore policy, Clock clock) {
        this.view = view;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
    }

    public Outcome<Authorized> authorize(JobTokens.Claims token, String jobId) {
        if (!token.job().equals(jobId)) {
            return Outcome.refused(Code.NOT_YOURS, "this job token is for another job");
        }
        JobRecord job = view.job(jobId).orElse(null);
        if (job == null || !job.grantId().equals(token.grant())) {
            return Outcome.refused(Code.UNKNOWN_JOB, "no job " + jobId + " under this token's grant");
        }
        AccessRecord grant = view.request(job.grantId()).orElse(null);
        Catalog.Dataset dataset = catalog.dataset(job.dataset()).orElse(null);
        if (grant == null || grant.grant() == null) {
            return Outcome.refused(Code.GRANT_NOT_LIVE, "the job's grant is not known");
        }
        if (dataset == null) {
            return Outcome.refused(Code.UNKNOWN_DATASET, "no dataset " + job.dataset());
        }
        PolicyDecision d = policy.decide("read", input(job, grant, dataset));
        if (!d.decision().allow()) {
            return Outcome.refused(
                    Code.ACCESS_DENIED,
                    "the read policy refused: " + String.join("; ", d.decision().reasons()));
        }
        try {
            return Outcome.ok(new Authorized(
                    job,
                    grant,
                    dataset,
                    d,
                    ReadShape.of(dataset.latest().avro(), d.decision().fields(), d.obligations())));
        } catch (ReadShape.Unenforceable e) {
            return Outcome.refused(
                    Code.ACCESS_DENIED, "the read policy's obligations cannot be enforced: " + e.getMessage());
        }
    }

    /** Asks again during a stream: still allowed, with the same fields? */
    public boolean stillAllowed(Authorized a) {
        AccessRecord now = view.request(a.grant().id()).orElse(null);
        if (now == null) {
            return false;
        }
        PolicyDecision d = policy.decide("read", input(a.job(), now, a.dataset()));
        return d.decision().allow()
                && d.decision().fields().equals(a.decision().decision().fields());
    }

    private Map<String, Object> input(JobRecord job, AccessRecord r, Catalog.Dataset dataset) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("id", r.id());
        grant.put("dataset", r.dataset());
        grant.put(
                "status",
                r.status() == AccessRecord.Status.GRANTED
                        ? "active"
                        : r.status().name().toLowerCase());
        grant.put("fields", r.grant().fields());
        grant.put("obligations", r.grant().obligations());
        grant.put("expires_at", r.grant().expiresAt().toString());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("grant", grant);
        context.put("job", Map.of("id", job.id(), "grant_id", job.grantId()));
        context.put("request_id", job.id());
        return PolicyInputs.input(
                "read",
                PolicyInputs.jobSubject(job.id()),
                PolicyInputs.resource(dataset, r.grant().fields()),
                context,
                clock.instant());
    }
}
