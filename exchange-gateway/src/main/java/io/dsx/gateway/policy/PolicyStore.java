package io.dsx.gateway.policy;

import io.dsx.policy.Policy;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.decision.Decision;
import io.dsx.policy.decision.DecisionPoint;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The compiled policy bundle and its decision point. Built once at start: a bundle that cannot be
 * read or does not compile (including one calling a builtin dsx does not implement) stops the
 * gateway with a message naming the bundle and the error. Decisions use strict builtin errors, the
 * injected clock and bounded time and steps; anything but a well-formed allow is a deny.
 */
public final class PolicyStore {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
    /** Where the reference bundle sits on the gateway's class path. */
    static final String REFERENCE = "dsx/policy/reference/";

    private final Bundle bundle;
    private final DecisionPoint point;

    private PolicyStore(Bundle bundle, DecisionPoint point) {
        this.bundle = bundle;
        this.point = point;
    }

    /** Loads and compiles the configured bundle, or throws naming the culprit. */
    public static PolicyStore load(PolicySettings settings, Clock clock) {
        String where = settings.bundle() == null || settings.bundle().isBlank()
                ? "the reference bundle (classpath " + REFERENCE + ")"
                : settings.bundle();
        Bundle bundle;
        try {
            bundle = settings.bundle() == null || settings.bundle().isBlank()
                    ? reference()
                    : Bundle.load(Path.of(settings.bundle()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("dsx.policy.bundle: cannot read " + where + ": " + e.getMessage(), e);
        }
        if (bundle.modules().isEmpty()) {
            throw new IllegalStateException("dsx.policy.bundle: " + where + " holds no .rego module");
        }
        Policy policy;
        try {
            policy = Policy.fromBundle(bundle);
        } catch (RegoException e) {
            throw new IllegalStateException("dsx.policy.bundle: " + where + " does not compile: " + e.getMessage(), e);
        }
        DecisionPoint point = DecisionPoint.of(
                policy,
                () -> EvalOptions.defaults()
                        .withStrict(true)
                        .withNowNs(nanos(clock.instant()))
                        .withLimits(settings.decisionTimeout(), settings.maxSteps(), 100_000));
        LOG.info(
                "policy bundle {} loaded: revision {}, {} modules",
                where,
                bundle.revision(),
                bundle.modules().size());
        return new PolicyStore(bundle, point);
    }

    private static Bundle reference() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Resource[] resources =
                new PathMatchingResourcePatternResolver().getResources("classpath*:" + REFERENCE + "**/*");
        for (Resource r : resources) {
            if (!r.isReadable()) {
                continue;
            }
            String url = r.getURL().toString();
            int at = url.lastIndexOf(REFERENCE);
            if (at < 0 || url.endsWith("/")) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                files.put("/" + url.substring(at + REFERENCE.length()), in.readAllBytes());
            }
        }
        return Bundle.of(files);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The bundle revision every decision is made under. */
    public String revision() {
        return bundle.revision();
    }

    /** Decides {@code data.dsx.<action>.decision} for input (JSON-shaped Java values); never throws for policy problems. */
    public PolicyDecision decide(String action, Map<String, Object> input) {
        io.dsx.policy.value.Value value = PolicyValues.fromJava(input);
        Decision d = point.decide(action, value);
        return new PolicyDecision(
                d, bundle.revision(), "data.dsx." + action + ".decision", io.dsx.policy.value.Json.write(value));
    }

    /** The bundle's files as text (path to content), as kept on {@code dsx.policies}. */
    public Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>(bundle.modules());
        out.put("/data.json", io.dsx.policy.value.Json.write(bundle.data()));
        return out;
    }
}
