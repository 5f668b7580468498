/**
 * Who is calling. The gateway is an OAuth2 resource server: it accepts only Keycloak access tokens
 * whose signature (JWKS), issuer, audience, expiry and algorithm check out, and maps each token to a
 * {@link io.dsx.gateway.security.DsxPrincipal}. A token that maps to no dsx role is refused (403).
 */
package io.dsx.gateway.security;
