package io.dsx.bench.policy;

import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Value;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One decision per invocation: the Rego policy through the engine, and the hand-written Java. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBench {
    private Fixture fixture;
    private EvalOptions options;

    @Setup
    public void setup() {
        fixture = new Fixture();
        options = EvalOptions.defaults()
                .withNowNs(0)
                .withRandom(new Random(1))
                .withInput(fixture.input)
                .withLimits(Duration.ofMillis(100), 1_000_000, 100_000);
    }

    @Benchmark
    public Value rego() {
        return fixture.policy.evalRef("data.dsx.read.decision", options);
    }

    @Benchmark
    public Value java() {
        return JavaDecision.decide(fixture.input, fixture.data);
    }
}
