package io.dsx.connectors.contributor;

import java.time.Duration;

/**
 * How often and how patiently a retriable call is repeated: {@code maxAttempts} in all, waiting
 * {@code initialBackoff}, then twice as long each time, never more than {@code maxBackoff}.
 * No jitter: a contributor is one client, not a herd, and fixed delays keep tests exact.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

    /** Waits between attempts; injected so tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    /** 6 attempts, 0.5 s doubling up to 10 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(10), Sleeper.REAL);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    public RetryPolicy withSleeper(Sleeper s) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, s);
    }
}
