package io.dsx.gateway.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the access API (docs/api.md). The register shape holds no personal data. */
final class AccessViews {

    private AccessViews() {}

    static Map<String, Object> full(AccessRecord r, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("status", r.effectiveStatus(now));
        out.put("dataset", r.dataset());
        out.put("owner", r.owner());
        out.put(
                "researcher",
                Map.of(
                        "id",
                        r.researcher().id(),
                        "username",
                        nz(r.researcher().username()),
                        "affiliation",
                        nz(r.researcher().affiliation())));
        out.put("fieldsRequested", r.fieldsRequested());
        out.put("purpose", purpose(r.purpose()));
        out.put("project", r.project());
        if (r.ethicsApproval() != null) {
            out.put("ethicsApproval", r.ethicsApproval());
        }
        out.put("durationDays", r.durationDays());
        out.put("createdAt", r.createdAt().toString());
        AccessRecord.PolicyOutcome d = r.decision();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", d.outcome());
        decision.put("fields", d.fields());
        decision.put("reasons", d.reasons());
        decision.put("obligations", d.obligations());
        decision.put("policyRevision", d.policyRevision());
        decision.put("decidedAt", d.decidedAt().toString());
        out.put("decision", decision);
        if (r.review() != null) {
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("action", r.review().action());
            review.put("steward", r.review().steward());
            review.put("institution", r.review().institution());
            review.put("at", r.review().at().toString());
            if (r.review().note() != null) {
                review.put("note", r.review().note());
            }
            out.put("review", review);
        }
        if (r.grant() != null) {
            out.put("grant", grantBody(r));
        }
        if (r.revocation() != null) {
            out.put(
                    "revocation",
                    Map.of(
                            "by",
                            r.revocation().by(),
                            "at",
                            r.revocation().at().toString(),
                            "reason",
                            nz(r.revocation().reason())));
        }
        return out;
    }

    static Map<String, Object> grant(AccessRecord r, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("status", r.effectiveStatus(now));
        out.put("dataset", r.dataset());
        out.put("owner", r.owner());
        out.put("researcher", r.researcher().id());
        out.put("project", r.project());
        out.putAll(grantBody(r));
        return out;
    }

    private static Map<String, Object> grantBody(AccessRecord r) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("fields", r.grant().fields());
        g.put("obligations", r.grant().obligations());
        g.put("grantedAt", r.grant().grantedAt().toString());
        g.put("expiresAt", r.grant().expiresAt().toString());
        return g;
    }

    /** An approved use, as the public register shows it: no researcher id, name or e-mail. */
    static Map<String, Object> register(AccessRecord r, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project", r.project());
        out.put("purpose", purpose(r.purpose()));
        out.put("organisation", nz(r.researcher().affiliation()));
        out.put("dataset", r.dataset());
        out.put("institution", r.owner());
        out.put("fields", r.grant().fields());
        out.put("approvedAt", r.grant().grantedAt().toString());
        out.put("expiresAt", r.grant().expiresAt().toString());
        out.put("status", r.effectiveStatus(now));
        if (r.revocation() != null) {
            out.put("revokedAt", r.revocation().at().toString());
        }
        return out;
    }

    private static Map<String, Object> purpose(AccessRecord.Purpose p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", p.code());
        if (p.disease() != null) {
            out.put("disease", p.disease());
        }
        if (p.commercial() != null) {
            out.put("commercial", p.commercial());
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
