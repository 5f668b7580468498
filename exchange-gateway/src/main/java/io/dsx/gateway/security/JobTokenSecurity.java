package io.dsx.gateway.security;

import io.dsx.gateway.jobs.JobTokens;
import io.dsx.gateway.outcome.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The data plane's front door ({@code /v1/jobs/{id}/records}): only a job token
 * ({@link JobTokens#verify}) is accepted there, and a job token is accepted nowhere else (the
 * Keycloak chain allows no EdDSA token). Failures are 401 problem+json with RFC 6750's challenge.
 */
@Configuration
public class JobTokenSecurity {

    public static final String DATA_PLANE = "/v1/jobs/*/records";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain dataPlane(HttpSecurity http, JobTokens tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher(DATA_PLANE)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new Filter(tokens, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(JobAuthentication.AUTHORITY))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    res.setHeader("WWW-Authenticate", "Bearer");
                    problems.write(req, res, Refusal.Code.UNAUTHENTICATED, "a job token is required");
                }));
        return http.build();
    }

    static final class Filter extends OncePerRequestFilter {
        private final JobTokens tokens;
        private final ProblemWriter problems;

        Filter(JobTokens tokens, ProblemWriter problems) {
            this.tokens = tokens;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null) {
                chain.doFilter(request, response);
                return;
            }
            JobTokens.Verified v = header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.verify(header.substring(7).strip())
                    : new JobTokens.Verified(null, JobTokens.Failure.MALFORMED);
            if (v.claims() == null) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problems.write(request, response, Refusal.Code.INVALID_TOKEN, reason(v.failure()));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new JobAuthentication(v.claims()));
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private static String reason(JobTokens.Failure f) {
            return switch (f) {
                case EXPIRED -> "the job token has expired";
                case NOT_YET_VALID -> "the job token is not valid yet";
                case WRONG_AUDIENCE -> "the token is not a job token for the data plane (audience)";
                case WRONG_ISSUER -> "the job token was not issued by this exchange";
                case BAD_SIGNATURE, UNKNOWN_KEY ->
                    "the job token's signature does not verify against the gateway's job keys";
                case MALFORMED -> "a job token (a JWT the gateway issued for a job) is required";
            };
        }
    }
}
