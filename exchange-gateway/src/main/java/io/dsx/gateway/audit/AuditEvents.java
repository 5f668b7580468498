package io.dsx.gateway.audit;

import io.dsx.gateway.policy.PolicyDecision;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds audit events carrying this gateway's labels ({@code gateway} = its name, {@code version} = its
 * build) and the caller as the token named it (subject id, kind, institution). Emitters add what they know
 * with the {@link AuditDetail} {@code with...} methods.
 */
public final class AuditEvents {

    /** The subject of an event whose caller presented no valid token. */
    public static final String ANONYMOUS = "anonymous";

    private final Map<String, String> labels;
    private final Clock clock;

    public AuditEvents(String gateway, String version, Clock clock) {
        this.labels = Map.of("gateway", gateway, "version", version);
        this.clock = clock;
    }

    /** The detail of {@code action} by {@code caller} ({@code null}: no valid token). */
    public AuditDetail detail(String action, DsxPrincipal caller, AuditOutcome outcome) {
        if (caller == null) {
            return AuditDetail.of(action, ANONYMOUS, outcome);
        }
        return AuditDetail.of(action, caller.id(), outcome)
                .withSubjectKind(caller.kind().role(), caller.institution());
    }

    /** An event that records an action (no policy decision): {@code input} is the JSON of what was asked. */
    public AuditEvent action(AuditDetail detail, String inputJson) {
        return AuditEvent.action(clock.instant(), inputJson, labels, detail);
    }

    /**
     * An event that records a policy decision: path, input, result and revision exactly as evaluated, so a
     * replay re-derives the result.
     */
    public AuditEvent decision(PolicyDecision decision, AuditDetail detail) {
        return new AuditEvent(
                UUID.randomUUID().toString(),
                clock.instant(),
                decision.path(),
                decision.inputJson(),
                decision.resultJson(),
                decision.revision(),
                new TreeMap<>(labels),
                detail);
    }

    public Map<String, String> labels() {
        return labels;
    }
}
