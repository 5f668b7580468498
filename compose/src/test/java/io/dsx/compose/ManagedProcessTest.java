package io.dsx.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void closeStopsTheChildAndEveryDescendant() throws Exception {
        // like kc.sh: a shell that runs the real server as its child
        ManagedProcess p = ManagedProcess.start(
                "tree", List.of("sh", "-c", "sleep 300 & sleep 300 & wait"), dir, Map.of(), dir.resolve("tree.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (p.liveTree().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ProcessHandle> tree = p.liveTree();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
        p.close();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void failedCommandReportsItsExitCodeAndOutput() {
        assertThatThrownBy(() -> ManagedProcess.runToCompletion(
                        "fails",
                        List.of("sh", "-c", "echo broken config; exit 3"),
                        dir,
                        Map.of(),
                        dir.resolve("fails.log"),
                        Duration.ofSeconds(30)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("broken config");
    }

    @Test
    void readinessFailsFastWhenTheProcessDies() throws Exception {
        ManagedProcess p = ManagedProcess.start(
                "dies", List.of("sh", "-c", "echo cannot bind; exit 1"), dir, Map.of(), dir.resolve("dies.log"));
        assertThatThrownBy(() -> Readiness.await(p, Duration.ofMinutes(1), () -> false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited during start")
                .hasMessageContaining("cannot bind");
        assertThat(Files.readString(dir.resolve("dies.log"))).contains("cannot bind");
    }
}
