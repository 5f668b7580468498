package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.compose.LocalStack;
import io.dsx.compose.Ports;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose/run-local's own launcher (broker, Keycloak on its file database, the gateway, demo data),
 * started as a user starts it: afterwards no folder or file under its data folder is open to another
 * user (Keycloak's H2 database and the key stores included), and its status text shows no secret and
 * puts none on a command line. This is the one test that starts a second broker and Keycloak: what it
 * checks is the files run-local itself writes. The launcher runs with the test's umask, not
 * run-local's {@code umask 077}, so the code alone has to get it right.
 */
class LocalRunSecretsIT {

    @TempDir
    Path tmp;

    @Test
    void afterRunLocalStartsNothingUnderItsDataFolderIsReadableByAnotherUser() throws Exception {
        Path stackDir = LocalStack.locateStackDir();
        Path root = stackDir.getParent().getParent().getParent();
        Path data = tmp.resolve(".dsx");
        int kafka = threeFreePorts();
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddsx.stack.dir=" + stackDir,
                "-cp",
                root.resolve("compose/target/classes")
                        + java.io.File.pathSeparator
                        + Files.readString(root.resolve("compose/target/classpath.txt"))
                                .trim(),
                "io.dsx.compose.LocalStackMain",
                "--data-dir",
                data.toString(),
                "--kafka-port",
                Integer.toString(kafka),
                "--keycloak-port",
                Integer.toString(Ports.freePort()),
                "--gateway-port",
                Integer.toString(Ports.freePort()),
                "--management-port",
                Integer.toString(Ports.freePort()));
        Path out = tmp.resolve("run-local.out");
        Process launcher = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            String status = awaitUp(launcher, out, Duration.ofMinutes(10));
            assertThat(Files.isDirectory(data.resolve("keycloak/keycloak/data/h2")))
                    .as("Keycloak's database")
                    .isTrue();
            assertThat(data.resolve("gateway/gateway-keys.p12")).exists();
            List<String> open = new ArrayList<>();
            try (var paths = Files.walk(data)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    if (!Files.isSymbolicLink(p)
                            && Files.getPosixFilePermissions(p).stream()
                                    .anyMatch(x -> !x.name().startsWith("OWNER_"))) {
                        open.add(data.relativize(p) + " " + Files.getPosixFilePermissions(p));
                    }
                }
            }
            assertThat(open).as("paths open to group or others").isEmpty();

            Properties secrets = new Properties();
            try (Reader in = Files.newBufferedReader(data.resolve("credentials.properties"), StandardCharsets.UTF_8)) {
                secrets.load(in);
            }
            assertThat(secrets).hasSizeGreaterThan(10);
            for (Object value : secrets.values()) {
                assertThat(status).doesNotContain((String) value);
            }
            // the token recipe pipes the secret to curl: no "client_secret=$X" or bearer token as an argument
            assertThat(status)
                    .contains("curl -s -d @-")
                    .doesNotContain("client_secret=$")
                    .doesNotContain("-H \"Authorization: Bearer $");
        } finally {
            stop(launcher);
        }
    }

    private static int threeFreePorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p = Ports.freePort();
            if (p < 65533 && !Ports.isListening(p + 1) && !Ports.isListening(p + 2)) {
                return p;
            }
        }
        throw new IllegalStateException("no three consecutive free ports");
    }

    private static String awaitUp(Process launcher, Path out, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (text.contains("dsx local stack is up")) {
                Thread.sleep(500); // the rest of the status block
                return Files.readString(out, StandardCharsets.UTF_8);
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("run-local exited with " + launcher.exitValue() + ":\n" + text);
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "run-local not up within " + timeout + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
    }

    /** SIGTERM: the launcher's shutdown hook stops the gateway, Keycloak and the broker. */
    private static void stop(Process launcher) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
