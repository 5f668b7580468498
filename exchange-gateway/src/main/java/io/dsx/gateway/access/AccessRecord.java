package io.dsx.gateway.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole state of one access request, as kept on {@code dsx.grants} (format v1, docs/formats.md).
 * The grant, when there is one, has the request's id.
 *
 * @param version      format version, {@link #VERSION}
 * @param id           UUIDv7
 * @param revision     1 when filed, one more per change; a view keeps the highest it has seen
 * @param researcher   who asked
 * @param dataset      the dataset asked for
 * @param owner        its owning institution (whose stewards decide)
 * @param fieldsRequested the fields asked for
 * @param purpose      DUO purpose
 * @param project      project name (published in the register once approved)
 * @param ethicsApproval ethics approval reference, or null
 * @param durationDays the term asked for
 * @param createdAt    when it was filed
 * @param status       where it stands
 * @param decision     the policy's decision on it
 * @param review       a steward's decision, when it needed one
 * @param grant        the grant, once approved
 * @param revocation   the revocation, once revoked
 */
public record AccessRecord(
        int version,
        String id,
        long revision,
        Researcher researcher,
        String dataset,
        String owner,
        List<String> fieldsRequested,
        Purpose purpose,
        String project,
        String ethicsApproval,
        int durationDays,
        Instant createdAt,
        Status status,
        PolicyOutcome decision,
        Review review,
        Grant grant,
        Revocation revocation) {

    public static final int VERSION = 1;

    public enum Status {
        PENDING,
        GRANTED,
        DENIED,
        REVOKED
    }

    /** The researcher: token subject, user name and affiliation (never published in the register). */
    public record Researcher(String id, String username, String affiliation) {}

    public record Purpose(String code, String disease, Boolean commercial) {}

    /**
     * The policy's decision.
     *
     * @param outcome        granted, denied or needs_review
     * @param policyRevision the bundle revision it was made under
     */
    public record PolicyOutcome(
            String outcome,
            boolean allow,
            List<String> fields,
            List<String> reasons,
            Map<String, Object> obligations,
            String policyRevision,
            Instant decidedAt) {}

    /** A steward's decision: {@code approved} or {@code denied}. */
    public record Review(String action, String steward, String institution, Instant at, String note) {}

    public record Grant(List<String> fields, Map<String, Object> obligations, Instant grantedAt, Instant expiresAt) {}

    public record Revocation(String by, Instant at, String reason) {}

    /** The status a reader sees at {@code now}: {@code expired} once a grant's term has ended. */
    public String effectiveStatus(Instant now) {
        if (status == Status.GRANTED && grant != null && !grant.expiresAt().isAfter(now)) {
            return "expired";
        }
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the grant may be used at {@code now}. */
    public boolean live(Instant now) {
        return status == Status.GRANTED && grant != null && grant.expiresAt().isAfter(now);
    }

    AccessRecord next(Status s, Review r, Grant g, Revocation v) {
        return new AccessRecord(
                version,
                id,
                revision + 1,
                researcher,
                dataset,
                owner,
                fieldsRequested,
                purpose,
                project,
                ethicsApproval,
                durationDays,
                createdAt,
                s,
                decision,
                r,
                g,
                v);
    }
}
