package io.dsx.policy.conformance;

import io.dsx.policy.builtins.BuiltinRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs every case file under a directory, one case at a time on a worker thread with a large
 * stack and a time limit, and reports per folder. Tiers come from {@code TIERS.tsv} in the
 * directory (or its parent); folders not listed count only in {@code all}.
 */
public final class ConformanceRunner {
    private final Duration caseTimeout;
    private final PrintStream log;

    public ConformanceRunner(Duration caseTimeout, PrintStream log) {
        this.caseTimeout = caseTimeout;
        this.log = log;
    }

    /** Pass/fail of one case. */
    public record CaseResult(String folder, String id, String note, boolean passed, String reason) {}

    /** Results of a run with per-tier pass rates (percent, one decimal). */
    public record Summary(List<CaseResult> cases, Map<String, String> tiers) {
        public double pct(String tier) {
            long n = 0;
            long ok = 0;
            for (CaseResult c : cases) {
                if (tier.equals("all") || tier.equals(tiers.get(c.folder()))) {
                    n++;
                    ok += c.passed() ? 1 : 0;
                }
            }
            return n == 0 ? 0.0 : Math.floor(1000.0 * ok / n) / 10.0;
        }

        public String resultLine() {
            return String.format(
                    Locale.ROOT,
                    "RESULT conformance core=%.1f extended=%.1f specialized=%.1f all=%.1f cases=%d",
                    pct("core"),
                    pct("extended"),
                    pct("specialized"),
                    pct("all"),
                    cases.size());
        }
    }

    public Summary run(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Map<String, String> tiers = tiers(root);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        BuiltinRegistry registry = BuiltinRegistry.standardWith(new TestHarnessFamily());
        CaseRunner runner = new CaseRunner(registry, caseTimeout);
        List<CaseResult> results = new ArrayList<>();
        ExecutorService pool = newPool();
        try {
            for (Path f : files) {
                Path rel = root.relativize(f);
                String folder = rel.getNameCount() > 1
                        ? rel.getName(0).toString()
                        : root.getFileName().toString();
                List<TestCase> cases;
                try {
                    cases = CaseLoader.load(root, f, folder);
                } catch (RuntimeException | IOException e) {
                    results.add(new CaseResult(folder, rel.toString(), "", false, "cannot load: " + e.getMessage()));
                    continue;
                }
                for (TestCase c : cases) {
                    CaseRunner.Outcome o;
                    Future<CaseRunner.Outcome> fut = pool.submit(() -> runner.run(c));
                    try {
                        o = fut.get(caseTimeout.toMillis() * 3 + 2000, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        fut.cancel(true);
                        pool.shutdownNow();
                        pool = newPool();
                        o = CaseRunner.Outcome.fail("time limit exceeded");
                    } catch (Exception | Error e) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        o = CaseRunner.Outcome.fail("crash: " + cause);
                    }
                    results.add(new CaseResult(c.folder(), c.id(), c.note(), o.passed(), o.reason()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(results, tiers);
    }

    private static ExecutorService newPool() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "conformance-case", 512L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
    }

    static Map<String, String> tiers(Path root) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (Path p : new Path[] {
            root.resolve("TIERS.tsv"),
            root.getParent() == null ? null : root.getParent().resolve("TIERS.tsv")
        }) {
            if (p != null && Files.isRegularFile(p)) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t");
                    if (parts.length >= 2 && !parts[0].equals("folder")) {
                        m.putIfAbsent(parts[0].trim(), parts[1].trim());
                    }
                }
            }
        }
        return m;
    }

    /** Writes report.tsv (one row per case) and report.md (per folder, failures with reasons). */
    public void writeReport(Summary s, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder tsv = new StringBuilder("folder\ttier\tcase\tnote\tstatus\treason\n");
        Map<String, int[]> perFolder = new TreeMap<>();
        for (CaseResult c : s.cases()) {
            String tier = s.tiers().getOrDefault(c.folder(), "-");
            tsv.append(c.folder())
                    .append('\t')
                    .append(tier)
                    .append('\t')
                    .append(c.id())
                    .append('\t')
                    .append(clean(c.note()))
                    .append('\t')
                    .append(c.passed() ? "pass" : "fail")
                    .append('\t')
                    .append(clean(c.reason()))
                    .append('\n');
            int[] n = perFolder.computeIfAbsent(c.folder(), k -> new int[2]);
            n[0]++;
            n[1] += c.passed() ? 1 : 0;
        }
        Files.writeString(dir.resolve("report.tsv"), tsv.toString(), StandardCharsets.UTF_8);
        StringBuilder md = new StringBuilder("# Conformance report\n\n")
                .append(s.resultLine())
                .append("\n\n");
        md.append("| folder | tier | passed | failed | cases |\n|---|---|---|---|---|\n");
        perFolder.forEach((f, n) -> md.append("| ")
                .append(f)
                .append(" | ")
                .append(s.tiers().getOrDefault(f, "-"))
                .append(" | ")
                .append(n[1])
                .append(" | ")
                .append(n[0] - n[1])
                .append(" | ")
                .append(n[0])
                .append(" |\n"));
        md.append("\n## Failures\n\n");
        s.cases().stream()
                .filter(c -> !c.passed())
                .sorted(Comparator.comparing(CaseResult::folder))
                .forEach(c -> md.append("- `")
                        .append(c.id())
                        .append("` ")
                        .append(clean(c.note()))
                        .append(": ")
                        .append(clean(c.reason()))
                        .append('\n'));
        Files.writeString(dir.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace('\t', ' ').replace('\n', ' ');
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }

    /** {@code conformance [--report DIR] [--timeout-ms N] [--quiet] CASES_DIR}. */
    public static void main(String[] args) throws IOException {
        Path report = Path.of(System.getProperty("dsx.policy.home", "policy"), "target", "conformance");
        long timeoutMs = 5000;
        boolean quiet = false;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--report" -> report = Path.of(args[++i]);
                case "--timeout-ms" -> timeoutMs = Long.parseLong(args[++i]);
                case "--quiet" -> quiet = true;
                case "-h", "--help" -> {
                    System.out.println("usage: policy/conformance [--report DIR] [--timeout-ms N] [--quiet] CASES_DIR");
                    return;
                }
                default -> dir = Path.of(args[i]);
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            System.err.println("usage: policy/conformance [--report DIR] [--timeout-ms N] [--quiet] CASES_DIR");
            System.exit(2);
        }
        ConformanceRunner r = new ConformanceRunner(Duration.ofMillis(timeoutMs), System.out);
        Summary s = r.run(dir);
        r.writeReport(s, report);
        if (!quiet) {
            s.cases().stream()
                    .filter(c -> !c.passed())
                    .forEach(c ->
                            System.out.println("FAIL " + c.id() + " " + clean(c.note()) + ": " + clean(c.reason())));
        }
        System.out.println("report: " + report.toAbsolutePath().resolve("report.md"));
        System.out.println(s.resultLine());
        System.exit(0);
    }
}
