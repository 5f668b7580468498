package io.dsx.gateway.security;

import java.util.Locale;

/**
 * The kinds of caller (DESIGN.md §1, §3.4). Each is a Keycloak realm role of the same name; a caller
 * holding several is of the first kind in this order, so an operator who is also a researcher acts
 * as an operator.
 */
public enum PrincipalKind {
    OPERATOR,
    AUDITOR,
    STEWARD,
    INSTITUTION,
    RESEARCHER;

    public String role() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority granted to holders of this kind's role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
