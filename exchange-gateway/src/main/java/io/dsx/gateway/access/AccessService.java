package io.dsx.gateway.access;

import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.outcome.Outcome;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.policy.PolicyDecision;
import io.dsx.gateway.policy.PolicyInputs;
import io.dsx.gateway.policy.PolicyStore;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.gateway.security.PrincipalKind;
import io.dsx.schemas.envelope.UuidV7;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files access requests, asks the policy, and records stewards' approvals, denials and revocations.
 * Each change is written to {@code dsx.grants} (acknowledged) before it is applied to the view or
 * answered. Changes are serialized per gateway.
 */
public final class AccessService {

    private final Catalog catalog;
    private final AccessView view;
    private final PolicyStore policy;
    private final GrantsLog log;
    private final Clock clock;
    private final UuidV7 ids;

    public AccessService(
            Catalog catalog, AccessView view, PolicyStore policy, GrantsLog log, Clock clock, SecureRandom random) {
        this.catalog = catalog;
        this.view = view;
        this.policy = policy;
        this.log = log;
        this.clock = clock;
        this.ids = new UuidV7(clock, random);
    }

    /** What a researcher asks for (already bounded by {@link AccessRequests#validate}). */
    public record Ask(
            String dataset,
            List<String> fields,
            AccessRecord.Purpose purpose,
            String project,
            String ethicsApproval,
            int durationDays) {}

    public synchronized Outcome<AccessRecord> file(DsxPrincipal caller, Map<String, Object> claims, Ask ask) {
        Catalog.Dataset d = catalog.dataset(ask.dataset()).orElse(null);
        if (d == null) {
            return Outcome.refused(Code.UNKNOWN_DATASET, "no dataset " + ask.dataset());
        }
        for (String f : ask.fields()) {
            if (d.latest().field(f).isEmpty()) {
                return Outcome.refused(Code.UNKNOWN_FIELD, "dataset " + d.id() + " has no field " + f);
            }
        }
        String id = ids.next().toString();
        Instant now = clock.instant();
        Map<String, Object> context = new LinkedHashMap<>();
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("code", ask.purpose().code());
        if (ask.purpose().disease() != null) {
            purpose.put("disease", ask.purpose().disease());
        }
        if (ask.purpose().commercial() != null) {
            purpose.put("commercial", ask.purpose().commercial());
        }
        context.put("purpose", purpose);
        context.put("project", ask.project());
        if (ask.ethicsApproval() != null) {
            context.put("ethics_approval", ask.ethicsApproval());
        }
        context.put("duration_days", ask.durationDays());
        context.put("request_id", id);
        Map<String, Object> input = PolicyInputs.input(
                "request_access",
                PolicyInputs.subject(caller, claims),
                PolicyInputs.resource(d, ask.fields()),
                context,
                now);
        PolicyDecision pd = policy.decide("request_access", input);
        AccessRecord.PolicyOutcome outcome = outcome(pd, now);
        AccessRecord.Status status = switch (outcome.outcome()) {
            case "granted" -> AccessRecord.Status.GRANTED;
            case "needs_review" -> AccessRecord.Status.PENDING;
            default -> AccessRecord.Status.DENIED;
        };
        AccessRecord.Grant grant = null;
        if (status == AccessRecord.Status.GRANTED) {
            Instant expires = expiresAt(outcome.obligations());
            if (expires == null || !expires.isAfter(now)) {
                outcome = failClosed(pd, now, "policy.obligations: expires_at must be a future RFC 3339 time");
                status = AccessRecord.Status.DENIED;
            } else {
                grant = new AccessRecord.Grant(outcome.fields(), outcome.obligations(), now, expires);
            }
        }
        AccessRecord r = new AccessRecord(
                AccessRecord.VERSION,
                id,
                1,
                new AccessRecord.Researcher(caller.id(), caller.username(), caller.affiliation()),
                d.id(),
                d.owner(),
                List.copyOf(ask.fields()),
                ask.purpose(),
                ask.project(),
                ask.ethicsApproval(),
                ask.durationDays(),
                now,
                status,
                outcome,
                null,
                grant,
                null);
        write(r);
        return Outcome.ok(r);
    }

    /** A steward of the owning institution approves a pending request, possibly with fewer fields or a shorter term. */
    public synchronized Outcome<AccessRecord> approve(
            DsxPrincipal steward, String id, List<String> fields, Instant expiresAt, String note) {
        Outcome<AccessRecord> pending = ownPending(steward, id);
        if (!(pending instanceof Outcome.Ok<AccessRecord> ok)) {
            return pending;
        }
        AccessRecord r = ok.value();
        List<String> permitted = r.decision().fields();
        List<String> chosen = fields == null || fields.isEmpty()
                ? permitted
                : List.copyOf(new HashSet<>(fields)).stream().sorted().toList();
        if (!permitted.containsAll(chosen)) {
            List<String> extra = new ArrayList<>(chosen);
            extra.removeAll(permitted);
            return Outcome.refused(
                    Code.FIELD_NOT_PERMITTED,
                    "the policy did not permit " + String.join(", ", extra)
                            + "; a steward may approve the permitted fields or fewer");
        }
        Instant now = clock.instant();
        Instant policyExpiry = expiresAt(r.decision().obligations());
        if (policyExpiry == null || !policyExpiry.isAfter(now)) {
            return Outcome.refused(Code.REQUEST_NOT_PENDING, "the term the policy allowed has already ended; deny it");
        }
        Instant expiry = expiresAt == null ? policyExpiry : expiresAt;
        if (!expiry.isAfter(now) || expiry.isAfter(policyExpiry)) {
            return Outcome.refused(
                    Code.MALFORMED_REQUEST,
                    "expiresAt must be in the future and no later than " + policyExpiry
                            + " (the term the policy allowed)");
        }
        Map<String, Object> obligations = narrowed(r.decision().obligations(), chosen, expiry);
        AccessRecord next = r.next(
                AccessRecord.Status.GRANTED,
                new AccessRecord.Review("approved", steward.id(), steward.institution(), now, note),
                new AccessRecord.Grant(chosen, obligations, now, expiry),
                null);
        write(next);
        return Outcome.ok(next);
    }

    public synchronized Outcome<AccessRecord> deny(DsxPrincipal steward, String id, String reason) {
        Outcome<AccessRecord> pending = ownPending(steward, id);
        if (!(pending instanceof Outcome.Ok<AccessRecord> ok)) {
            return pending;
        }
        AccessRecord next = ok.value()
                .next(
                        AccessRecord.Status.DENIED,
                        new AccessRecord.Review("denied", steward.id(), steward.institution(), clock.instant(), reason),
                        null,
                        null);
        write(next);
        return Outcome.ok(next);
    }

    /** A steward of the owning institution (or an operator) revokes a grant; a revoked grant reads nothing more. */
    public synchronized Outcome<AccessRecord> revoke(DsxPrincipal actor, String id, String reason) {
        AccessRecord r = view.request(id).orElse(null);
        if (r == null) {
            return Outcome.refused(Code.UNKNOWN_ACCESS_REQUEST, "no access request " + id);
        }
        if (actor.kind() != PrincipalKind.OPERATOR && !r.owner().equals(actor.institution())) {
            return Outcome.refused(Code.NOT_OWNER, "dataset " + r.dataset() + " belongs to another institution");
        }
        if (r.status() != AccessRecord.Status.GRANTED) {
            return Outcome.refused(
                    Code.NOT_GRANTED,
                    "access request " + id + " is " + r.effectiveStatus(clock.instant()) + ", not granted");
        }
        AccessRecord next = r.next(
                AccessRecord.Status.REVOKED,
                r.review(),
                r.grant(),
                new AccessRecord.Revocation(actor.id(), clock.instant(), reason));
        write(next);
        return Outcome.ok(next);
    }

    private Outcome<AccessRecord> ownPending(DsxPrincipal steward, String id) {
        AccessRecord r = view.request(id).orElse(null);
        if (r == null) {
            return Outcome.refused(Code.UNKNOWN_ACCESS_REQUEST, "no access request " + id);
        }
        if (!r.owner().equals(steward.institution())) {
            return Outcome.refused(
                    Code.NOT_OWNER,
                    "dataset " + r.dataset() + " belongs to another institution;" + " only its stewards decide");
        }
        if (r.status() != AccessRecord.Status.PENDING) {
            return Outcome.refused(
                    Code.REQUEST_NOT_PENDING,
                    "access request " + id + " is " + r.effectiveStatus(clock.instant()) + ", not pending");
        }
        return Outcome.ok(r);
    }

    static Map<String, Object> narrowed(Map<String, Object> obligations, List<String> fields, Instant expiry) {
        Map<String, Object> out = new LinkedHashMap<>(obligations);
        if (obligations.get("mask") instanceof Map<?, ?> mask) {
            Map<String, Object> kept = new LinkedHashMap<>();
            mask.forEach((k, v) -> {
                if (fields.contains(String.valueOf(k))) {
                    kept.put(String.valueOf(k), v);
                }
            });
            out.put("mask", kept);
        }
        out.put("expires_at", expiry.toString());
        return out;
    }

    private static AccessRecord.PolicyOutcome outcome(PolicyDecision pd, Instant now) {
        var d = pd.decision();
        Map<String, Object> obligations = pd.obligations();
        String outcome;
        if (!d.allow()) {
            outcome = "denied";
        } else if (obligations.get("requires_approval") instanceof List<?> review && !review.isEmpty()) {
            outcome = "needs_review";
        } else {
            outcome = "granted";
        }
        return new AccessRecord.PolicyOutcome(
                outcome, d.allow(), d.fields(), d.reasons(), obligations, pd.revision(), now);
    }

    private static AccessRecord.PolicyOutcome failClosed(PolicyDecision pd, Instant now, String reason) {
        return new AccessRecord.PolicyOutcome(
                "denied", false, List.of(), List.of(reason), Map.of(), pd.revision(), now);
    }

    static Instant expiresAt(Map<String, Object> obligations) {
        if (!(obligations.get("expires_at") instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void write(AccessRecord r) {
        log.write(r);
    }
}
