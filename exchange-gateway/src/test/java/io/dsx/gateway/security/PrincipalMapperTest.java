package io.dsx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class PrincipalMapperTest {

    private final PrincipalMapper mapper = new PrincipalMapper();

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60))
                .subject("sub-1");
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void mapsAnInstitutionClientToItsInstitution() {
        DsxPrincipal p = mapper.map(token(Map.of(
                        "realm_access",
                        Map.of("roles", List.of("institution", "offline_access")),
                        "institution",
                        "hospital-a",
                        "azp",
                        "hospital-a")))
                .orElseThrow();
        assertThat(p.kind()).isEqualTo(PrincipalKind.INSTITUTION);
        assertThat(p.institution()).isEqualTo("hospital-a");
        assertThat(p.roles()).containsExactly("institution");
        assertThat(p.client()).isEqualTo("hospital-a");
    }

    @Test
    void picksTheMostPrivilegedKindWhenSeveralRolesAreHeld() {
        DsxPrincipal p = mapper.map(token(Map.of("realm_access", Map.of("roles", List.of("researcher", "operator")))))
                .orElseThrow();
        assertThat(p.kind()).isEqualTo(PrincipalKind.OPERATOR);
        assertThat(p.roles()).containsExactly("operator", "researcher");
    }

    @Test
    void refusesATokenWithoutAnyDsxRole() {
        assertThat(mapper.map(token(Map.of("realm_access", Map.of("roles", List.of("offline_access"))))))
                .isEmpty();
        assertThat(mapper.map(token(Map.of()))).isEmpty();
    }

    @Test
    void refusesAnInstitutionOrStewardWithoutAWellFormedInstitutionClaim() {
        assertThat(mapper.map(token(Map.of("realm_access", Map.of("roles", List.of("institution"))))))
                .isEmpty();
        assertThat(mapper.map(token(Map.of(
                        "realm_access", Map.of("roles", List.of("steward")), "institution", "Hospital A; DROP"))))
                .isEmpty();
    }

    @Test
    void readsAffiliationOfAResearcher() {
        DsxPrincipal p = mapper.map(token(Map.of(
                        "realm_access",
                        Map.of("roles", List.of("researcher")),
                        "affiliation",
                        "University of Example",
                        "preferred_username",
                        "researcher")))
                .orElseThrow();
        assertThat(p.kind()).isEqualTo(PrincipalKind.RESEARCHER);
        assertThat(p.affiliation()).isEqualTo("University of Example");
        assertThat(p.institution()).isNull();
    }
}
