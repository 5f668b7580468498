package io.dsx.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file and which is stopped with all of its descendants.
 * Launch scripts such as Keycloak's {@code kc.sh} run {@code java} as a child, so stopping only the
 * direct child would leave the server running: {@link #close()} signals the whole tree.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ManagedProcess start(
            String name, List<String> command, Path workDir, Map<String, String> environment, Path logFile)
            throws IOException {
        OwnerOnly.directories(logFile.getParent());
        OwnerOnly.existingFile(logFile);
        // umask 077: whatever the child and its descendants create (Kafka's segments, Keycloak's H2
        // database, the gateway's key stores) is readable by the owner only
        List<String> umasked = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "sh"));
        umasked.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(umasked)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        ManagedProcess started = new ManagedProcess(name, builder.start(), logFile);
        ProcessReaper.register(started);
        return started;
    }

    /** Runs a short command to completion, failing with the tail of its output if it exits non-zero. */
    public static void runToCompletion(
            String name,
            List<String> command,
            Path workDir,
            Map<String, String> environment,
            Path logFile,
            Duration timeout)
            throws IOException, InterruptedException {
        try (ManagedProcess p = start(name, command, workDir, environment, logFile)) {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(name + " did not finish within " + timeout + "; log: " + logFile);
            }
            if (p.process.exitValue() != 0) {
                throw new IOException(name + " failed with exit code " + p.process.exitValue() + "; last lines of "
                        + logFile + ":\n" + p.tail(15));
            }
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for error messages when a process fails to start. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** All processes of this tree that are still alive (the child and its descendants). */
    List<ProcessHandle> liveTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        if (process.isAlive()) {
            tree.add(process.toHandle());
        }
        process.descendants().filter(ProcessHandle::isAlive).forEach(tree::add);
        return tree;
    }

    /** SIGKILL to the whole tree at once, no grace: a crash, for tests and for run-local's last resort. */
    public void kill() {
        liveTree().forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception stillDying) {
            // the caller sees isAlive()
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = liveTree();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                handle.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        ProcessReaper.unregister(this);
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
