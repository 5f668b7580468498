package io.dsx.gateway.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a validated Keycloak access token to a {@link DsxPrincipal}. Fails closed: no dsx role, or an
 * institution or steward token without a well-formed {@code institution} claim, maps to nothing.
 */
public final class PrincipalMapper {

    private static final Pattern INSTITUTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_CLAIM = 256;

    public Optional<DsxPrincipal> map(Jwt jwt) {
        List<String> roles = dsxRoles(jwt);
        Optional<PrincipalKind> kind = Arrays.stream(PrincipalKind.values())
                .filter(k -> roles.contains(k.role()))
                .findFirst();
        if (kind.isEmpty() || jwt.getSubject() == null) {
            return Optional.empty();
        }
        String institution = bounded(jwt.getClaimAsString("institution"));
        boolean needsInstitution = kind.get() == PrincipalKind.INSTITUTION || kind.get() == PrincipalKind.STEWARD;
        if (institution != null && !INSTITUTION_ID.matcher(institution).matches()) {
            return Optional.empty();
        }
        if (needsInstitution && institution == null) {
            return Optional.empty();
        }
        return Optional.of(new DsxPrincipal(
                jwt.getSubject(),
                kind.get(),
                bounded(jwt.getClaimAsString("preferred_username")),
                bounded(jwt.getClaimAsString("azp")),
                institution,
                roles,
                bounded(jwt.getClaimAsString("affiliation"))));
    }

    /** The dsx realm roles in {@code realm_access.roles}, in {@link PrincipalKind} order. */
    static List<String> dsxRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> granted)) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (PrincipalKind kind : PrincipalKind.values()) {
            if (granted.contains(kind.role())) {
                roles.add(kind.role());
            }
        }
        return roles;
    }

    private static String bounded(String claim) {
        return claim == null || claim.length() > MAX_CLAIM ? null : claim;
    }
}
