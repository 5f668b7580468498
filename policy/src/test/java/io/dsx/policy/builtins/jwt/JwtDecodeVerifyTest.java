package io.dsx.policy.builtins.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtDecodeVerifyTest {

    /** {"exp":3000.2,"iss":"xxx"} signed HS256 with "secret" (OPA case hs256-float-exp-valid). */
    private static final String FLOAT_EXP = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjMwMDAuMiwiaXNzIjoieHh4In0"
            + ".XUen7GtDmICV3O1ngsoO-tQrjrXtOgJI06oGW0nQSIM";

    private static final BigDecimal NOW = BigDecimal.valueOf(2_000_000_000_000L);

    private static List<Object> run(Map<String, Object> constraints) {
        return JwtDecodeVerify.decodeVerify(FLOAT_EXP, constraints, NOW);
    }

    @Test
    void acceptsATokenBeforeItsExpiry() {
        List<Object> r = run(Map.of("secret", "secret", "time", new BigDecimal("2000000000000.1")));
        assertThat(r.get(0)).isEqualTo(true);
        assertThat(r.get(2)).isEqualTo(Map.of("exp", new BigDecimal("3000.2"), "iss", "xxx"));
    }

    @Test
    void rejectsATokenAtOrAfterItsExpiry() {
        assertThat(run(Map.of("secret", "secret", "time", new BigDecimal("3000200000000")))
                        .get(0))
                .isEqualTo(false);
    }

    @Test
    void usesTheInjectedClockWhenNoTimeIsGiven() {
        assertThat(run(Map.of("secret", "secret")).get(0)).isEqualTo(true);
        List<Object> late = JwtDecodeVerify.decodeVerify(
                FLOAT_EXP, Map.of("secret", "secret"), BigDecimal.valueOf(4_000_000_000_000L));
        assertThat(late).isEqualTo(List.of(false, Map.of(), Map.of()));
    }

    @Test
    void checksIssuerAudienceAndAlgorithm() {
        assertThat(run(Map.of("secret", "secret", "iss", "yyy")).get(0)).isEqualTo(false);
        assertThat(run(Map.of("secret", "secret", "aud", "fred")).get(0)).isEqualTo(false);
        assertThat(run(Map.of("secret", "secret", "alg", "HS512")).get(0)).isEqualTo(false);
        assertThat(run(Map.of("secret", "wrong")).get(0)).isEqualTo(false);
    }

    @Test
    void rejectsMalformedConstraints() {
        assertThatThrownBy(() -> run(Map.of())).hasMessage("no key constraint");
        assertThatThrownBy(() -> run(Map.of("secret", "s", "cert", "{\"kty\":\"oct\",\"k\":\"AA\"}")))
                .hasMessage("duplicate key constraints");
        assertThatThrownBy(() -> run(Map.of("secret", "s", "foo", 1)))
                .hasMessage("unknown token validation constraint: foo");
    }

    @Test
    void aNonNumericExpiryIsAnError() {
        String token = JwtEncoder.encodeSignRaw(
                "{\"alg\":\"HS256\"}", "{\"exp\":null}", "{\"kty\":\"oct\",\"k\":\"NDI\"}", null);
        assertThatThrownBy(() -> JwtDecodeVerify.decodeVerify(token, Map.of("secret", "42"), NOW))
                .hasMessage("exp value must be a number");
    }
}
