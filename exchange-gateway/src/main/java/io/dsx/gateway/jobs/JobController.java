package io.dsx.gateway.jobs;

import io.dsx.gateway.access.AccessView;
import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Jobs and their tokens (docs/api.md); the data plane is {@code io.dsx.gateway.dataplane}. */
@RestController
public class JobController {

    private final JobService service;
    private final JobTokens tokens;
    private final AccessView view;

    public JobController(JobService service, JobTokens tokens, AccessView view) {
        this.service = service;
        this.tokens = tokens;
        this.view = view;
    }

    /** {@code POST /v1/jobs}. */
    public record JobBody(String grant, String codeDigest, String description) {}

    @Operation(summary = "Submit a job under one of your live grants; the answer carries its first job token")
    @PostMapping(value = "/v1/jobs", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> submit(
            @AuthenticationPrincipal DsxPrincipal caller, @RequestBody JobBody body) {
        if (body == null) {
            throw Refusal.of(Code.MALFORMED_REQUEST, "a JSON body is required");
        }
        JobService.Issued issued = service.submit(caller, body.grant(), body.codeDigest(), body.description())
                .orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(issued(issued));
    }

    @Operation(summary = "A fresh job token for one of your jobs, while its grant is live")
    @PostMapping(value = "/v1/jobs/{id}/token", produces = "application/json")
    public Map<String, Object> token(@AuthenticationPrincipal DsxPrincipal caller, @PathVariable("id") String id) {
        return issued(service.token(caller, id).orThrow());
    }

    @Operation(summary = "Your jobs")
    @GetMapping(value = "/v1/jobs", produces = "application/json")
    public List<Map<String, Object>> jobs(@AuthenticationPrincipal DsxPrincipal caller) {
        return view.jobs(j -> j.researcher().equals(caller.id())).stream()
                .limit(1000)
                .map(JobController::view)
                .toList();
    }

    @Operation(summary = "The public keys that verify job tokens (a JWKS, RFC 7517)")
    @GetMapping(value = "/.well-known/dsx-job-keys", produces = "application/jwk-set+json")
    public Map<String, Object> jwks() {
        return tokens.jwks();
    }

    private static Map<String, Object> issued(JobService.Issued i) {
        Map<String, Object> out = view(i.job());
        out.put("token", i.token());
        out.put("tokenType", "Bearer");
        out.put("tokenExpiresAt", i.tokenExpiresAt().toString());
        return out;
    }

    static Map<String, Object> view(JobRecord j) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", j.id());
        out.put("grant", j.grantId());
        out.put("dataset", j.dataset());
        out.put("codeDigest", j.codeDigest());
        out.put("description", j.description());
        out.put("createdAt", j.createdAt().toString());
        return out;
    }
}
