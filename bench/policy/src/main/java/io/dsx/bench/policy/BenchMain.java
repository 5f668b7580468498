package io.dsx.bench.policy;

import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.Value;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Checks that the Rego and Java decisions agree, runs {@link DecisionBench} in sample-time mode
 * and prints {@code RESULT policy p50_us=<n> p99_us=<n> ratio_vs_java=<n>} (ratio of p50s) last.
 * {@code --quick} shortens warm-up and measurement.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        Fixture f = new Fixture();
        Value rego = f.policy.evalRef(
                "data.dsx.read.decision", EvalOptions.defaults().withInput(f.input));
        Value java = JavaDecision.decide(f.input, f.data);
        if (!rego.equals(java)) {
            System.err.println("decisions differ:\n rego " + Json.write(rego) + "\n java " + Json.write(java));
            System.exit(1);
        }
        Options opts = new OptionsBuilder()
                .include(DecisionBench.class.getName() + "\\.")
                .forks(1)
                // 10 x 2 s: on a loaded 2-core machine the evaluator's JIT was still compiling after
                // 5 x 2 s (warm-up means 1,446 -> 67 us, then measured 79 -> 31 us, 2026-12-08)
                .warmupIterations(quick ? 3 : 10)
                .measurementIterations(quick ? 3 : 5)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Xss16m")
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        double regoP50 = Double.NaN;
        double regoP99 = Double.NaN;
        double javaP50 = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            var stats = r.getPrimaryResult().getStatistics();
            if (name.endsWith(".rego")) {
                regoP50 = stats.getPercentile(50);
                regoP99 = stats.getPercentile(99);
            } else if (name.endsWith(".java")) {
                javaP50 = stats.getPercentile(50);
            }
        }
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT policy p50_us=%.1f p99_us=%.1f ratio_vs_java=%.1f",
                regoP50,
                regoP99,
                regoP50 / javaP50));
    }
}
