package io.dsx.gateway.access;

import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.security.DsxAuthentication;
import io.dsx.gateway.security.DsxPrincipal;
import io.dsx.gateway.security.PrincipalKind;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Access requests, stewards' decisions, grants and the public register (docs/api.md). */
@RestController
public class AccessController {

    private final AccessService service;
    private final AccessView view;
    private final Clock clock;

    public AccessController(AccessService service, AccessView view, Clock clock) {
        this.service = service;
        this.view = view;
        this.clock = clock;
    }

    @Operation(summary = "File an access request; the policy grants, denies or sends it to a steward")
    @PostMapping(value = "/v1/access-requests", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> file(DsxAuthentication auth, @RequestBody AccessRequests.Body body) {
        DsxPrincipal caller = auth.getPrincipal();
        AccessService.Ask ask = AccessRequests.validate(body);
        AccessRecord r = service.file(caller, auth.claims(), ask).orThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(AccessViews.full(r, clock.instant()));
    }

    @Operation(
            summary =
                    "Access requests the caller may see: a researcher's own, a steward's institution's, all for operators and auditors")
    @GetMapping(value = "/v1/access-requests", produces = "application/json")
    public List<Map<String, Object>> list(
            DsxAuthentication auth, @RequestParam(value = "status", required = false) String status) {
        Instant now = clock.instant();
        Predicate<AccessRecord> visible = visibleTo(auth.getPrincipal());
        Predicate<AccessRecord> wanted = status == null || status.isBlank()
                ? r -> true
                : r -> r.effectiveStatus(now).equals(status);
        return view.requests(visible.and(wanted)).stream()
                .limit(AccessRequests.MAX_LISTED)
                .map(r -> AccessViews.full(r, now))
                .toList();
    }

    @Operation(summary = "One access request (its decision, review, grant and revocation)")
    @GetMapping(value = "/v1/access-requests/{id}", produces = "application/json")
    public Map<String, Object> one(DsxAuthentication auth, @PathVariable("id") String id) {
        AccessRecord r = view.request(AccessRequests.id(id))
                .filter(visibleTo(auth.getPrincipal()))
                .orElseThrow(() -> Refusal.of(Code.UNKNOWN_ACCESS_REQUEST, "no access request " + id + " you may see"));
        return AccessViews.full(r, clock.instant());
    }

    @Operation(
            summary =
                    "A steward of the owning institution approves a pending request (optionally fewer fields, a shorter term)")
    @PostMapping(
            value = "/v1/access-requests/{id}/approval",
            consumes = "application/json",
            produces = "application/json")
    public Map<String, Object> approve(
            DsxAuthentication auth,
            @PathVariable("id") String id,
            @RequestBody(required = false) AccessRequests.Approval body) {
        AccessRequests.Approval a = body == null ? new AccessRequests.Approval(null, null, null) : body;
        AccessRecord r = service.approve(
                        auth.getPrincipal(),
                        AccessRequests.id(id),
                        AccessRequests.fields(a.fields(), true),
                        AccessRequests.instant(a.expiresAt()),
                        AccessRequests.text("note", a.note(), 500, false))
                .orThrow();
        return AccessViews.full(r, clock.instant());
    }

    @Operation(summary = "A steward of the owning institution denies a pending request")
    @PostMapping(
            value = "/v1/access-requests/{id}/denial",
            consumes = "application/json",
            produces = "application/json")
    public Map<String, Object> deny(
            DsxAuthentication auth, @PathVariable("id") String id, @RequestBody AccessRequests.Reason body) {
        AccessRecord r = service.deny(
                        auth.getPrincipal(),
                        AccessRequests.id(id),
                        AccessRequests.text("reason", body == null ? null : body.reason(), 500, true))
                .orThrow();
        return AccessViews.full(r, clock.instant());
    }

    @Operation(summary = "A steward of the owning institution (or an operator) revokes a grant")
    @PostMapping(
            value = "/v1/access-requests/{id}/revocation",
            consumes = "application/json",
            produces = "application/json")
    public Map<String, Object> revoke(
            DsxAuthentication auth, @PathVariable("id") String id, @RequestBody AccessRequests.Reason body) {
        AccessRecord r = service.revoke(
                        auth.getPrincipal(),
                        AccessRequests.id(id),
                        AccessRequests.text("reason", body == null ? null : body.reason(), 500, true))
                .orThrow();
        return AccessViews.full(r, clock.instant());
    }

    @Operation(summary = "Grants the caller may see, live or ended")
    @GetMapping(value = "/v1/grants", produces = "application/json")
    public List<Map<String, Object>> grants(DsxAuthentication auth) {
        Instant now = clock.instant();
        return view.requests(visibleTo(auth.getPrincipal()).and(r -> r.grant() != null)).stream()
                .limit(AccessRequests.MAX_LISTED)
                .map(r -> AccessViews.grant(r, now))
                .toList();
    }

    @Operation(
            summary =
                    "The public register of approved uses: project, purpose, organisation, dataset, fields, dates; no personal data")
    @GetMapping(value = "/v1/register", produces = "application/json")
    public List<Map<String, Object>> register() {
        Instant now = clock.instant();
        return view.requests(r -> r.grant() != null).stream()
                .limit(AccessRequests.MAX_LISTED)
                .map(r -> AccessViews.register(r, now))
                .toList();
    }

    static Predicate<AccessRecord> visibleTo(DsxPrincipal p) {
        if (p.kind() == PrincipalKind.OPERATOR || p.kind() == PrincipalKind.AUDITOR) {
            return r -> true;
        }
        if (p.kind() == PrincipalKind.STEWARD) {
            return r -> r.owner().equals(p.institution());
        }
        return r -> r.researcher().id().equals(p.id());
    }
}
