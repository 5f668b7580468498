package io.dsx.policy.builtins.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class JwtSigningRoundTripTest {

    private static final String PAYLOAD = "{\"iss\":\"joe\"}";

    @Test
    void hs256MatchesRfc7515AppendixA1() {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String jwk =
                "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
        assertThat(JwtEncoder.encodeSignRaw(header, "{}", jwk, null))
                .isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8");
    }

    @Test
    void rs256AndPs256TokensVerifyWithThePublicPemOnly() throws Exception {
        KeyPair kp = TestKeys.rsa();
        String jwk = TestKeys.rsaPrivateJwk(kp);
        String pem = TestKeys.publicPem(kp);
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.PS384}) {
            String token = JwtEncoder.encodeSignRaw("{\"alg\":\"" + alg + "\"}", PAYLOAD, jwk, new SecureRandom());
            assertThat(JwtTokens.verifyAsymmetric(alg, token, pem))
                    .as(alg.name())
                    .isTrue();
            assertThat(JwtTokens.verifyAsymmetric(JwsAlgorithm.RS512, token, pem))
                    .isFalse();
            assertThat(JwtTokens.verifyAsymmetric(alg, token, TestKeys.publicPem(TestKeys.rsa())))
                    .isFalse();
        }
    }

    @Test
    void es256SignaturesAreDeterministicAndVerifyWithTheJwk() throws Exception {
        KeyPair kp = TestKeys.ec("secp256r1");
        String header = "{\"alg\":\"ES256\"}";
        String first = JwtEncoder.encodeSignRaw(header, PAYLOAD, TestKeys.ecJwk(kp, "P-256", true), null);
        String second = JwtEncoder.encodeSignRaw(header, PAYLOAD, TestKeys.ecJwk(kp, "P-256", true), null);
        assertThat(first).isEqualTo(second);
        assertThat(first.substring(first.lastIndexOf('.') + 1)).hasSize(86);
        assertThat(JwtTokens.verifyAsymmetric(JwsAlgorithm.ES256, first, TestKeys.ecJwk(kp, "P-256", false)))
                .isTrue();
        assertThat(JwtTokens.verifyAsymmetric(JwsAlgorithm.ES256, first, TestKeys.publicPem(kp)))
                .isTrue();
    }

    @Test
    void eddsaMatchesTheOpaCase() {
        String jwk =
                "{\"kty\":\"OKP\",\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"x\":\"wEZFfoAj1rFKTLOOmjJjVZlCHwksuvMb2I5y_hg70E8\","
                        + "\"d\":\"9XI34uQzYUJfWhDZf_0nYsLMBRVu8a6dFsy60P8uugk\"}";
        String token = JwtEncoder.encodeSignRaw(
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}",
                "{\"iss\":\"joe\",\"exp\":1300819380,\"http://example.com/is_root\":true}",
                jwk,
                null);
        assertThat(token)
                .endsWith(".jS1so-rsTaC8DdA8_ZnFXYbi9xOrMVXOviMFrahQ7ez0UKKzjU-2vxrM0ON-Vu3GXKhtBkkO3SUtNMoeYw3zDQ");
        assertThat(JwtTokens.verifyAsymmetric(JwsAlgorithm.EdDSA, token, jwk)).isTrue();
    }
}
