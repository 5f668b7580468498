package io.dsx.policy.builtins.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtTokensTest {

    private static final String SIMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0"
            + ".XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY";

    @Test
    void decodeReturnsHeaderPayloadAndSignatureHex() {
        List<Object> parts = JwtTokens.decode(SIMPLE);
        assertThat(parts.get(0)).isEqualTo(Map.of("alg", "HS256", "typ", "JWT"));
        assertThat(parts.get(1)).isEqualTo(Map.of("sub", "0", "iss", "opa"));
        assertThat(parts.get(2)).isEqualTo("5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576");
    }

    @Test
    void decodeExplainsMalformedTokensWithOpasTexts() {
        assertThatThrownBy(() -> JwtTokens.decode("abc")).hasMessage("encoded JWT had no period separators");
        assertThatThrownBy(() -> JwtTokens.decode("a.b")).hasMessage("encoded JWT must have 3 sections, found 2");
        assertThatThrownBy(() -> JwtTokens.decode(SIMPLE.replace(".XmVoLoHI3px", ".XmVoLoHI3px(")))
                .isInstanceOf(BuiltinFailure.class)
                .hasMessageStartingWith("JWT signature had invalid encoding: illegal base64 data at input byte");
    }

    @Test
    void decodeRefusesJwe() {
        String jwe = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImVuYyI6ImJsYWgifQ.e30.AA";
        assertThatThrownBy(() -> JwtTokens.decode(jwe)).hasMessage("JWT is a JWE object, which is not supported");
    }

    @Test
    void hmacVerificationNeedsTheRightSecret() {
        String token =
                JwtEncoder.encodeSignRaw("{\"alg\":\"HS256\"}", "{}", "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}", null);
        assertThat(JwtTokens.verifyHmac(JwsAlgorithm.HS256, token, "secret")).isTrue();
        assertThat(JwtTokens.verifyHmac(JwsAlgorithm.HS256, token, "Secret")).isFalse();
        assertThat(JwtTokens.verifyHmac(JwsAlgorithm.HS512, token, "secret")).isFalse();
    }

    @Test
    void pemWithTrailingDataIsRejected() throws Exception {
        String pem = TestKeys.publicPem(TestKeys.rsa()) + "junk";
        assertThatThrownBy(() -> JwtTokens.verifyAsymmetric(JwsAlgorithm.RS256, SIMPLE, pem))
                .hasMessage("extra data after a PEM certificate block");
    }

    @Test
    void unknownPemBlockTypeIsRejected() {
        String pem = "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n";
        assertThatThrownBy(() -> JwtTokens.verifyAsymmetric(JwsAlgorithm.RS256, SIMPLE, pem))
                .hasMessage("failed to extract a Key from the PEM certificate");
    }

    @Test
    void aJwkSetKeyWhoseKidMatchesIsTheOnlyOneTried() throws Exception {
        java.security.KeyPair signer = TestKeys.ec("secp256r1");
        java.security.KeyPair other = TestKeys.ec("secp256r1");
        String token = JwtEncoder.encodeSignRaw(
                "{\"alg\":\"ES256\",\"kid\":\"k2\"}", "{}", TestKeys.ecJwk(signer, "P-256", true), null);
        String right = TestKeys.ecJwk(signer, "P-256", false).replace("{", "{\"kid\":\"k2\",");
        String wrong = TestKeys.ecJwk(other, "P-256", false).replace("{", "{\"kid\":\"k1\",");
        assertThat(JwtTokens.verifyAsymmetric(JwsAlgorithm.ES256, token, "{\"keys\":[" + wrong + "," + right + "]}"))
                .isTrue();
        String misLabelled = TestKeys.ecJwk(other, "P-256", false).replace("{", "{\"kid\":\"k2\",");
        assertThat(JwtTokens.verifyAsymmetric(
                        JwsAlgorithm.ES256, token, "{\"keys\":[" + misLabelled + "," + right + "]}"))
                .isFalse();
    }
}
