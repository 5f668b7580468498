package io.dsx.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one stack of a test run: started on first use, shared by every test class of the JVM, and
 * stopped when the JVM exits. Keycloak runs on its in-memory database, so each run starts clean; all
 * ports are chosen free at random, so a test run can go on beside a developer's local stack.
 */
public final class SharedStack {

    private static LocalStack stack;
    private static Throwable failure;

    private SharedStack() {}

    public static synchronized LocalStack get() {
        if (stack != null) {
            return stack;
        }
        if (failure != null) {
            throw new IllegalStateException("the local stack failed to start earlier in this run", failure);
        }
        try {
            Path stackDir = LocalStack.locateStackDir();
            Path dataDir = Files.createTempDirectory("dsx-test-stack-");
            stack = LocalStack.start(new LocalStack.Options(
                    stackDir,
                    dataDir,
                    stackDir.resolve("keycloak-test"),
                    "dev-mem",
                    Ports.freePort(),
                    Ports.freePort(),
                    Ports.freePort(),
                    Ports.freePort(),
                    StackCredentials.generate(),
                    Duration.ofMinutes(4)));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "dsx-shared-stack-stop"));
            return stack;
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw new IllegalStateException("could not start the local stack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
            throw new IllegalStateException("interrupted while starting the local stack", e);
        }
    }
}
