package io.dsx.gateway.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated token. {@link #getPrincipal()} is the {@link DsxPrincipal}, or {@code null} when the
 * token is valid but maps to no dsx role; such a caller holds no authority and is refused everywhere
 * but the public endpoints.
 */
public final class DsxAuthentication extends AbstractAuthenticationToken {

    private final transient Jwt jwt;
    private final DsxPrincipal principal;

    DsxAuthentication(Jwt jwt, DsxPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.jwt = jwt;
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public DsxPrincipal getPrincipal() {
        return principal;
    }

    /** The token's claims (for the policy input: visas, country); never logged. */
    public java.util.Map<String, Object> claims() {
        return jwt.getClaims();
    }

    @Override
    public String getName() {
        return jwt.getSubject();
    }
}
