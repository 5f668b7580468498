package io.dsx.gateway.security;

import io.dsx.gateway.config.GatewayProperties;
import io.dsx.gateway.outcome.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway's front door. Checks made on every bearer token, in order (RFC 7519, RFC 8725):
 * <ol>
 *   <li>signature, against the realm's JWKS, with an algorithm from the allow-list only (RFC 8725 §3.1:
 *       {@code none} and HMAC algorithms are never accepted);</li>
 *   <li>{@code exp} present and not past, {@code nbf} not future, within the configured skew (RFC 7519 §4.1.4);</li>
 *   <li>{@code iss} equal to the configured realm (RFC 7519 §4.1.1);</li>
 *   <li>{@code aud} containing the gateway's audience (RFC 7519 §4.1.3, RFC 8725 §3.9).</li>
 * </ol>
 * Everything not listed as public needs a token; authorization by kind is declared here, in one place.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems) throws Exception {
        PrincipalMapper mapper = new PrincipalMapper();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/.well-known/dsx",
                                "/.well-known/dsx-job-keys",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        // metrics name datasets, institutions and traffic: operators only
                        .requestMatchers("/v1/admin/**", "/actuator/prometheus")
                        .hasRole(PrincipalKind.OPERATOR.name())
                        .requestMatchers(
                                org.springframework.http.HttpMethod.POST,
                                "/v1/datasets",
                                "/v1/datasets/*/schemas",
                                "/v1/datasets/*/contributions")
                        .hasRole(PrincipalKind.INSTITUTION.name())
                        .requestMatchers(
                                org.springframework.http.HttpMethod.POST,
                                "/v1/access-requests",
                                "/v1/jobs",
                                "/v1/jobs/*/token")
                        .hasRole(PrincipalKind.RESEARCHER.name())
                        .requestMatchers("/v1/jobs")
                        .hasRole(PrincipalKind.RESEARCHER.name())
                        .requestMatchers(
                                org.springframework.http.HttpMethod.POST,
                                "/v1/access-requests/*/approval",
                                "/v1/access-requests/*/denial")
                        .hasRole(PrincipalKind.STEWARD.name())
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/v1/access-requests/*/revocation")
                        .hasAnyRole(PrincipalKind.STEWARD.name(), PrincipalKind.OPERATOR.name())
                        .requestMatchers(
                                "/v1/me",
                                "/v1/datasets",
                                "/v1/datasets/**",
                                "/v1/institutions/**",
                                "/v1/access-requests",
                                "/v1/access-requests/*",
                                "/v1/grants",
                                "/v1/register")
                        .hasAnyRole(allKinds())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        rs -> rs.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter(mapper)))
                                .authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems))
                                .accessDeniedHandler((req, res, e) -> problems.write(
                                        req, res, Refusal.Code.FORBIDDEN, "your role does not allow this request")))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems))
                        .accessDeniedHandler((req, res, e) -> problems.write(
                                req, res, Refusal.Code.FORBIDDEN, "your role does not allow this request")));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(GatewayProperties properties) {
        GatewayProperties.Security security = properties.security();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.effectiveJwkSetUri())
                .jwsAlgorithms(algs -> security.allowedAlgorithms().forEach(a -> algs.add(algorithm(a))))
                .build();
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
        checks.add(new JwtTimestampValidator(security.clockSkew()));
        checks.add(new JwtIssuerValidator(security.issuerUri()));
        checks.add(new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(security.audience())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        return decoder;
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        if (algorithm == null) {
            throw new IllegalArgumentException(
                    "dsx.security.allowed-algorithms: unknown or non-asymmetric JWS algorithm '" + name
                            + "'; allowed are " + Arrays.toString(SignatureAlgorithm.values()));
        }
        return algorithm;
    }

    private static Converter<Jwt, AbstractAuthenticationToken> converter(PrincipalMapper mapper) {
        return jwt -> {
            Optional<DsxPrincipal> principal = mapper.map(jwt);
            List<SimpleGrantedAuthority> authorities = principal
                    .map(p -> p.roles().stream()
                            .map(r -> new SimpleGrantedAuthority(
                                    PrincipalKind.valueOf(r.toUpperCase(java.util.Locale.ROOT))
                                            .authority()))
                            .toList())
                    .orElse(List.of());
            return new DsxAuthentication(jwt, principal.orElse(null), authorities);
        };
    }

    private static String[] allKinds() {
        return Arrays.stream(PrincipalKind.values()).map(Enum::name).toArray(String[]::new);
    }
}
