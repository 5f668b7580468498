package io.dsx.policy.builtins;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What a builtin may know beyond its operands, injected so a replayed evaluation is exact. One
 * context per query evaluation (single-threaded): {@link #nowNs()} is fixed for the whole query,
 * as in OPA; {@link #memo} caches non-deterministic results within the query.
 */
public final class BuiltinContext {
    private final long nowNs;
    private final Random random;
    private final Map<String, String> env;
    private final boolean strict;
    private final Runnable cancellation;
    private Map<Object, Object> memo;

    private BuiltinContext(Builder b) {
        this.nowNs = b.nowNs;
        this.random = b.random;
        this.env = b.env.isEmpty() ? Map.of() : Map.copyOf(b.env);
        this.strict = b.strict;
        this.cancellation = b.cancellation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Nanoseconds since the epoch at the start of the query ({@code time.now_ns}). */
    public long nowNs() {
        return nowNs;
    }

    /** The injected random source (seeded in tests and replays). */
    public Random random() {
        return random;
    }

    /** Environment variables visible to {@code opa.runtime()}. */
    public Map<String, String> env() {
        return env;
    }

    /** Whether strict builtin errors are on (the evaluator acts on it; builtins rarely need it). */
    public boolean strict() {
        return strict;
    }

    /** Throws if the evaluation was cancelled or ran past its deadline; call it inside long loops. */
    public void checkCancelled() {
        cancellation.run();
    }

    /** The cached result for key within this query, computing it once. */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        if (memo == null) {
            memo = new HashMap<>();
        }
        return (T) memo.computeIfAbsent(key, k -> compute.get());
    }

    /** Builds a context; defaults: system clock now, unseeded random, empty env, not strict. */
    public static final class Builder {
        private long nowNs = Long.MIN_VALUE;
        private Random random;
        private Map<String, String> env = Map.of();
        private boolean strict;
        private Runnable cancellation = () -> {};

        public Builder nowNs(long nowNs) {
            this.nowNs = nowNs;
            return this;
        }

        public Builder clock(Clock clock) {
            this.nowNs = nowFrom(clock);
            return this;
        }

        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** A check that throws when evaluation must stop (deadline, cancellation). */
        public Builder cancellation(Runnable cancellation) {
            this.cancellation = cancellation;
            return this;
        }

        public BuiltinContext build() {
            if (nowNs == Long.MIN_VALUE) {
                nowNs = nowFrom(Clock.systemUTC());
            }
            if (random == null) {
                random = new Random();
            }
            return new BuiltinContext(this);
        }

        private static long nowFrom(Clock clock) {
            var i = clock.instant();
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        }
    }
}
