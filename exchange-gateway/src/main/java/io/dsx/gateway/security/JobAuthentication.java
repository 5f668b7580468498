package io.dsx.gateway.security;

import io.dsx.gateway.jobs.JobTokens;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified job token: the caller is a job, scoped to its job and grant, for the data plane only. */
public final class JobAuthentication extends AbstractAuthenticationToken {

    public static final String AUTHORITY = "ROLE_JOB";
    private final JobTokens.Claims claims;

    JobAuthentication(JobTokens.Claims claims) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.claims = claims;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "***";
    }

    @Override
    public JobTokens.Claims getPrincipal() {
        return claims;
    }

    @Override
    public String getName() {
        return claims.job();
    }
}
