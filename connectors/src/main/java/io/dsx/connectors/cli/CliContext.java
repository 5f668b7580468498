package io.dsx.connectors.cli;

import io.dsx.connectors.contributor.RetryPolicy;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What a command may touch outside its arguments: environment variables, the three streams,
 * whether stderr is a terminal, the clock, randomness, HTTP and the retry policy.
 */
public record CliContext(
        Map<String, String> env,
        InputStream stdin,
        PrintWriter out,
        PrintWriter err,
        boolean terminal,
        Clock clock,
        SecureRandom random,
        HttpClient http,
        RetryPolicy retry) {

    /** The real process: System streams, environment, UTC clock, a strong random. */
    public static CliContext system() {
        return new CliContext(
                System.getenv(),
                System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.console() != null,
                Clock.systemUTC(),
                io.dsx.crypto.Drbg.create("dsx-cli"),
                defaultHttp(),
                RetryPolicy.DEFAULT);
    }

    public static HttpClient defaultHttp() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An environment variable, null when unset or empty. */
    String envVar(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
