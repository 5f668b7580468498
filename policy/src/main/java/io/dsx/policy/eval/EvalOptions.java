package io.dsx.policy.eval;

import io.dsx.policy.value.Value;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * Options of one evaluation.
 *
 * @param input the input document, or null when undefined
 * @param strictBuiltinErrors fail the query with the first builtin error instead of undefined
 * @param nowNs value of {@code time.now_ns()} for the whole query
 * @param random source for {@code rand.intn} and friends
 * @param env environment seen by {@code opa.runtime()}
 * @param timeout wall-clock budget; evaluation past it fails with eval_cancel_error
 * @param maxSteps expression evaluations allowed before eval_limit_error
 * @param maxCollectionSize largest array/set/object a query may build
 * @param print where {@code print(...)} output goes
 * @param coverage collects the lines evaluation reaches, or null (off)
 */
public record EvalOptions(
        Value input,
        boolean strictBuiltinErrors,
        long nowNs,
        Random random,
        Map<String, String> env,
        Duration timeout,
        long maxSteps,
        int maxCollectionSize,
        PrintSink print,
        Coverage coverage) {

    public static EvalOptions defaults() {
        return new EvalOptions(
                null,
                false,
                System.currentTimeMillis() * 1_000_000L,
                new Random(),
                Map.of(),
                Duration.ofSeconds(1),
                10_000_000L,
                1_000_000,
                PrintSink.DEBUG_LOG,
                null);
    }

    public EvalOptions withInput(Value in) {
        return new EvalOptions(
                in, strictBuiltinErrors, nowNs, random, env, timeout, maxSteps, maxCollectionSize, print, coverage);
    }

    public EvalOptions withStrict(boolean strict) {
        return new EvalOptions(
                input, strict, nowNs, random, env, timeout, maxSteps, maxCollectionSize, print, coverage);
    }

    public EvalOptions withNowNs(long ns) {
        return new EvalOptions(
                input, strictBuiltinErrors, ns, random, env, timeout, maxSteps, maxCollectionSize, print, coverage);
    }

    public EvalOptions withRandom(Random r) {
        return new EvalOptions(
                input, strictBuiltinErrors, nowNs, r, env, timeout, maxSteps, maxCollectionSize, print, coverage);
    }

    public EvalOptions withEnv(Map<String, String> e) {
        return new EvalOptions(
                input, strictBuiltinErrors, nowNs, random, e, timeout, maxSteps, maxCollectionSize, print, coverage);
    }

    public EvalOptions withLimits(Duration t, long steps, int size) {
        return new EvalOptions(input, strictBuiltinErrors, nowNs, random, env, t, steps, size, print, coverage);
    }

    public EvalOptions withPrint(PrintSink sink) {
        return new EvalOptions(
                input, strictBuiltinErrors, nowNs, random, env, timeout, maxSteps, maxCollectionSize, sink, coverage);
    }

    public EvalOptions withCoverage(Coverage c) {
        return new EvalOptions(
                input, strictBuiltinErrors, nowNs, random, env, timeout, maxSteps, maxCollectionSize, print, c);
    }
}
