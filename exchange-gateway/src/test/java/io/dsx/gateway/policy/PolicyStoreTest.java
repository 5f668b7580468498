package io.dsx.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    private static PolicySettings settings(String bundle) {
        return new PolicySettings(bundle, Duration.ofSeconds(1), 10_000_000L);
    }

    @Test
    void loadsTheReferenceBundleFromTheClassPathByDefault() {
        PolicyStore store = PolicyStore.load(settings(""), CLOCK);
        assertThat(store.revision()).startsWith("sha256:");
        assertThat(store.files()).containsKeys("/dsx/request_access.rego", "/dsx/read.rego", "/data.json");
        assertThat(store.files().keySet()).noneMatch(p -> p.endsWith("_test.rego"));
    }

    @Test
    void refusesToStartOnABundleThatDoesNotCompile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.rego"), "package dsx.read\n\ndecision := {\"allow\": true\n");
        assertThatThrownBy(() -> PolicyStore.load(settings(dir.toString()), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dsx.policy.bundle")
                .hasMessageContaining("does not compile");
    }

    @Test
    void refusesToStartOnAnEmptyOrMissingBundle(@TempDir Path dir) {
        assertThatThrownBy(() -> PolicyStore.load(settings(dir.toString()), CLOCK))
                .hasMessageContaining("no .rego module");
        assertThatThrownBy(() ->
                        PolicyStore.load(settings(dir.resolve("absent.tar.gz").toString()), CLOCK))
                .hasMessageContaining("cannot read");
    }

    @Test
    void aBuiltinErrorInsideADecisionDeniesWithAReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("p.rego"), """
                package dsx.read
                import rego.v1
                decision := {"allow": true, "fields": ["a"], "reasons": [], "obligations": {}} if {
                    time.parse_rfc3339_ns(input.context.time) > 0
                }
                """);
        PolicyStore store = PolicyStore.load(settings(dir.toString()), CLOCK);
        PolicyDecision ok = store.decide("read", Map.of("context", Map.of("time", "2026-12-07T12:00:00Z")));
        assertThat(ok.decision().allow()).isTrue();
        PolicyDecision broken = store.decide("read", Map.of("context", Map.of("time", "yesterday")));
        assertThat(broken.decision().allow()).isFalse();
        assertThat(broken.decision().reasons()).singleElement().asString().contains("time.parse_rfc3339_ns");
        assertThat(broken.revision()).isEqualTo(store.revision());
    }

    @Test
    void theReferencePolicyGrantsAndDeniesThroughTheStore() {
        PolicyStore store = PolicyStore.load(settings(""), CLOCK);
        Map<String, Object> input =
                Map.of("subject", Map.of("kind", "job"), "context", Map.of("time", "2026-12-07T12:00:00Z"));
        PolicyDecision d = store.decide("read", input);
        assertThat(d.decision().allow()).isFalse();
        assertThat(d.decision().reasons()).contains("read.grant: the request carries no grant");
        assertThat(d.path()).isEqualTo("data.dsx.read.decision");
    }
}
