package io.dsx.gateway.security;

import io.dsx.gateway.outcome.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem from inside the security filter chain, where controllers' exception
 * handling does not reach. Same shape as {@code io.dsx.gateway.web.Problems}.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, Refusal.Code problem, String detail)
            throws IOException {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        String code = problem.wire();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:dsx:problem:" + code);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
