package io.dsx.gateway.web;

import io.dsx.gateway.config.FollowerHealth;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests with 503 {@code stale_view} while a topic follower has stopped
 * ({@link FollowerHealth}): deciding on a frozen catalog, key set or ledger would be wrong, so the
 * gateway fails closed until it is restarted. Health and other actuator paths still answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class StaleViewGate extends OncePerRequestFilter {

    private final FollowerHealth followers;
    private final io.dsx.gateway.security.ProblemWriter problems;

    public StaleViewGate(FollowerHealth followers, io.dsx.gateway.security.ProblemWriter problems) {
        this.followers = followers;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!followers.failed().isEmpty()) {
            problems.write(
                    request,
                    response,
                    io.dsx.gateway.outcome.Refusal.Code.STALE_VIEW,
                    "this gateway stopped following one of its topics and refuses work until it is restarted;"
                            + " try another gateway");
            return;
        }
        chain.doFilter(request, response);
    }
}
