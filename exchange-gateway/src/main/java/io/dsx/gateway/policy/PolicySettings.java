package io.dsx.gateway.policy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code dsx.policy}.
 *
 * @param bundle          the policy bundle: a directory or a {@code .tar.gz}; empty means the reference
 *                        bundle shipped in the gateway (policy/bundles/reference)
 * @param decisionTimeout the wall-clock budget of one decision; past it the decision is a deny
 * @param maxSteps        expression evaluations one decision may take before it is a deny
 */
@Validated
@ConfigurationProperties("dsx.policy")
public record PolicySettings(
        @DefaultValue("") String bundle,
        @NotNull @DefaultValue("1s") Duration decisionTimeout,
        @DefaultValue("10000000") long maxSteps) {}
