package io.dsx.connectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code dsx policy test} over the reference policy bundle (policy/bundles/reference) as part
 * of the build: a failing or erroring Rego test fails this test, and so the build.
 */
class ReferencePolicyBundleTest {

    private static final Path BUNDLE =
            Path.of("..", "policy", "bundles", "reference").toAbsolutePath().normalize();

    @Test
    void everyRegoTestOfTheReferenceBundlePasses() {
        assertThat(BUNDLE.resolve("data.json")).exists();
        CliRun run = CliRun.of("policy", "test", "-v", BUNDLE.toString());
        assertThat(run.out()).doesNotContain("FAIL:").doesNotContain("ERROR:");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        long passed = run.out().lines().filter(l -> l.startsWith("PASS: data.")).count();
        assertThat(passed).as("Rego tests run").isGreaterThanOrEqualTo(50);
    }

    @Test
    void aBrokenRegoTestFailsTheRun() throws Exception {
        Path copy = Files.createTempDirectory("bundle");
        try (var files = Files.walk(BUNDLE)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(BUNDLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path tests = copy.resolve("dsx/duo_test.rego");
        // flip the pinned disease direction: the test that a descendant is admitted must now fail
        Files.writeString(
                tests,
                Files.readString(tests)
                        .replace(
                                "allowed([\"DUO:0000007:MONDO_0004992\"], fx.ds(\"MONDO:0007254\"))",
                                "allowed([\"DUO:0000007:MONDO_0007254\"], fx.ds(\"MONDO:0004992\"))"));
        CliRun run = CliRun.of("policy", "test", copy.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("FAIL: data.dsx.duo_test.test_ds_admits_a_descendant_disease");
    }
}
