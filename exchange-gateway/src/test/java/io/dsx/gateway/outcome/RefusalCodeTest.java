package io.dsx.gateway.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RefusalCodeTest {

    private static final Path MAIN = Path.of("src/main/java/io/dsx/gateway");

    @Test
    void everyCodeHasItsOwnWireNameAndAnErrorStatus() {
        List<String> wires =
                Arrays.stream(Refusal.Code.values()).map(Refusal.Code::wire).toList();
        assertThat(wires).doesNotHaveDuplicates().allMatch(w -> w.matches("[a-z][a-z_]*"));
        assertThat(Refusal.Code.values()).allMatch(c -> c.status() >= 400 && c.status() <= 599);
    }

    @Test
    void frameworkAnswersKeepTheirStatusAndGetACodeOfTheRegistry() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 415, 503, 500}) {
            assertThat(Refusal.Code.forFrameworkStatus(status).status()).isEqualTo(status);
        }
        assertThat(Refusal.Code.forFrameworkStatus(418)).isEqualTo(Refusal.Code.BAD_REQUEST);
        assertThat(Refusal.Code.forFrameworkStatus(502)).isEqualTo(Refusal.Code.INTERNAL);
    }

    @Test
    void aTransientFailureCarriesOnlyA503Code() {
        assertThat(new TransientFailure(Refusal.Code.WRITE_ABORTED, "again", null).code())
                .isEqualTo(Refusal.Code.WRITE_ABORTED);
        assertThatThrownBy(() -> new TransientFailure(Refusal.Code.RECORD_INVALID, "no", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The web package maps outcomes to HTTP; no feature package depends on it (no package cycle). */
    @Test
    void onlyTheWebPackageImportsTheWebPackage() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("web")))
                    .filter(p -> read(p).contains("import io.dsx.gateway.web."))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** Problem codes go over the wire from the registry only: no code string typed anywhere else. */
    @Test
    void noProblemCodeIsWrittenOutsideTheRegistry() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).matches(
                                    "(?s).*(problems\\.write\\([^;]*\"[a-z_]+\"\\s*,|new TransientFailure\\(\\s*\").*"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
        assertThat(read(MAIN.resolve("web/Problems.java"))).doesNotContain("\"internal\"");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
