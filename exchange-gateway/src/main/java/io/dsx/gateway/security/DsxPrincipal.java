package io.dsx.gateway.security;

import java.util.List;

/**
 * The caller, as the policy and the audit log see it ({@code input.subject}).
 *
 * @param id          stable subject id: the token's {@code sub}
 * @param kind        the caller's kind, from its realm roles
 * @param username    {@code preferred_username} (for a client, Keycloak's service-account name)
 * @param client      the OAuth client the token was issued to ({@code azp})
 * @param institution institution id (claim {@code institution}); required for institutions and stewards
 * @param roles       the caller's dsx realm roles
 * @param affiliation claim {@code affiliation}, if any
 */
public record DsxPrincipal(
        String id,
        PrincipalKind kind,
        String username,
        String client,
        String institution,
        List<String> roles,
        String affiliation) {

    public DsxPrincipal {
        roles = List.copyOf(roles);
    }
}
