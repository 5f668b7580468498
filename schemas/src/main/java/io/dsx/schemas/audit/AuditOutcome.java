package io.dsx.schemas.audit;

import java.util.Locale;
import java.util.Optional;

/** What actually happened to an audited request ({@code dsx.outcome}); the wire form is lower case. */
public enum AuditOutcome {
    /** The policy (or the rule that governs the action) allowed it and it took effect. */
    ALLOWED,
    /** A policy decision said no. */
    DENIED,
    /** Turned away before any decision: no or a bad token, a role that does not fit, bad input. */
    REFUSED,
    /** Allowed, but the effect could not be completed (it is not visible). */
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditOutcome> fromWire(String wire) {
        for (AuditOutcome o : values()) {
            if (o.wire().equals(wire)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
