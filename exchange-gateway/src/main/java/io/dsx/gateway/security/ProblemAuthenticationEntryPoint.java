package io.dsx.gateway.security;

import io.dsx.gateway.outcome.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json, with the {@code WWW-Authenticate} challenge of RFC 6750 §3. The detail says
 * which check failed in words chosen here, never echoing the token.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, Refusal.Code.INVALID_TOKEN, reason(e));
        } else {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(
                    request,
                    response,
                    Refusal.Code.UNAUTHENTICATED,
                    "a bearer token from the dataspace realm is required");
        }
    }

    private static String reason(AuthenticationException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("expired")) {
            return "the bearer token has expired";
        }
        if (message.contains("iss")) {
            return "the bearer token was not issued by this exchange's realm";
        }
        if (message.contains("aud")) {
            return "the bearer token is not meant for this gateway (audience)";
        }
        if (message.contains("signature") || message.contains("jws") || message.contains("key")) {
            return "the bearer token's signature does not verify against the realm's keys";
        }
        return "the bearer token is malformed or invalid";
    }
}
