package io.dsx.bench.ingest;

/**
 * A benchmark's warm-up: at least {@code --warmup} rounds and at least {@code --warmup-seconds}, so every
 * JVM (the gateway's above all: its JIT compiles request-level code only after thousands of requests) is
 * measured in the steady state a long-running gateway is in. One schedule for bench/ingest and bench/read.
 */
public final class WarmUp {

    private final int rounds;
    private final long endsAt;

    private WarmUp(int rounds, long endsAt) {
        this.rounds = rounds;
        this.endsAt = endsAt;
    }

    /** Starts the clock now. */
    public static WarmUp start(int rounds, int seconds) {
        return new WarmUp(rounds, System.nanoTime() + seconds * 1_000_000_000L);
    }

    /** True while round {@code round} (0-based) is still warm-up, to be run and discarded. */
    public boolean covers(int round) {
        return round < rounds || System.nanoTime() < endsAt;
    }
}
