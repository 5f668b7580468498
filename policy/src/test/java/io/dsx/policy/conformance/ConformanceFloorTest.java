package io.dsx.policy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared OPA conformance cases and fails when a tier's pass rate drops below the floor
 * in {@code conformance-floor.properties} (a ratchet: raise it as figures improve).
 */
class ConformanceFloorTest {

    private static Path casesDir() {
        String prop = System.getProperty("dsx.conformance.dir");
        if (prop != null) {
            return Path.of(prop);
        }
        // the cases vendored in the repository (policy/src/test/conformance-cases), so CI runs them on a fresh clone
        return Stream.of("src/test/conformance-cases/opa-v1", "../../shared/conformance/opa-v1")
                .map(Path::of)
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(null);
    }

    @Test
    void sharedConformanceCasesPassAtLeastAtTheFloor() throws Exception {
        Path dir = casesDir();
        assertThat(dir)
                .as("conformance cases (policy/src/test/conformance-cases/opa-v1 or -Ddsx.conformance.dir)")
                .isNotNull()
                .isDirectory();
        Properties floor = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/conformance-floor.properties")) {
            floor.load(in);
        }
        ConformanceRunner runner =
                new ConformanceRunner(Duration.ofSeconds(5), new PrintStream(OutputStream.nullOutputStream()));
        ConformanceRunner.Summary s = runner.run(dir);
        runner.writeReport(s, Path.of("target", "conformance"));

        assertThat(s.cases()).hasSizeGreaterThan(0);
        for (String tier : new String[] {"core", "extended", "specialized", "all"}) {
            double min = Double.parseDouble(floor.getProperty(tier, "0"));
            assertThat(s.pct(tier))
                    .as("%s pass rate (%s)", tier, s.resultLine())
                    .isGreaterThanOrEqualTo(min);
        }
    }
}
