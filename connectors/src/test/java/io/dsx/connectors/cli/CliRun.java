package io.dsx.connectors.cli;

import io.dsx.connectors.contributor.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** One in-process run of {@code dsx}: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        return withStdin(env, new byte[0], args);
    }

    static CliRun withStdin(Map<String, String> env, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DsxCli.run(context(env, stdin, out, err, false), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** A context writing to these writers, with retries that do not wait. */
    static CliContext context(
            Map<String, String> env, byte[] stdin, StringWriter out, StringWriter err, boolean terminal) {
        return new CliContext(
                env,
                new ByteArrayInputStream(stdin),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                terminal,
                Clock.systemUTC(),
                new SecureRandom(),
                HttpClient.newHttpClient(),
                new RetryPolicy(3, Duration.ZERO, Duration.ZERO, d -> {}));
    }

    static CliRun of(String... args) {
        return of(Map.of(), args);
    }

    /** stderr, which must be exactly one line. */
    String errLine() {
        String[] lines = err.strip().split("\n");
        if (lines.length != 1) {
            throw new AssertionError("expected one line on stderr, got: " + err);
        }
        return lines[0];
    }
}
