package io.dsx.gateway.web;

import io.dsx.gateway.security.DsxPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MeController {

    @Operation(summary = "Who the caller is, as the gateway and its policies see it")
    @GetMapping(value = "/v1/me", produces = "application/json")
    public DsxPrincipal me(@AuthenticationPrincipal DsxPrincipal principal) {
        return principal;
    }
}
