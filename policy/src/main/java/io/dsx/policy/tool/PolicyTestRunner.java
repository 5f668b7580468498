package io.dsx.policy.tool;

import io.dsx.policy.Policy;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.Coverage;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.parse.Parser;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code dsx policy test}: runs every {@code test_*} rule of the {@code *_test.rego} files found
 * under the given paths, as {@code opa test} does: a test passes when its rule is defined and
 * true; {@code todo_*} rules are skipped. Prints failures with their cause and a summary.
 */
public final class PolicyTestRunner {
    static final String HELP = """
            Usage: dsx policy test [options] PATH...
              Runs the test_ rules of *_test.rego files; PATHs are .rego files,
              data.json files or directories.
            Options:
              -v, --verbose        print every test, not only failures
              -r, --run REGEX      run only tests whose data path matches REGEX
                  --coverage       print a JSON coverage report (lines covered
                                   per file, as opa test --coverage) instead
                                   of the results, which go to stderr
                  --timeout MS     per-test deadline in milliseconds (default 5000)
              -h, --help           this help
            print() output goes to stderr.
            Exit codes: 0 all passed, 1 compile/load error, 2 some test failed or errored.
            Example:
              dsx policy test -v policy/bundles/reference
            """;

    private PolicyTestRunner() {}

    record Test(String path, String file, int row, boolean todo) {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = false;
        Coverage coverage = null;
        Pattern filter = null;
        long timeout = 5000;
        List<Path> paths = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-v", "--verbose" -> verbose = true;
                    case "--coverage" -> coverage = new Coverage();
                    case "-r", "--run" -> filter = Pattern.compile(args[++i]);
                    case "--timeout" -> timeout = Long.parseLong(args[++i]);
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return 0;
                    }
                    default -> paths.add(Path.of(args[i]));
                }
            }
        } catch (RuntimeException e) {
            err.println("invalid arguments: " + e.getMessage());
            err.print(HELP);
            return 2;
        }
        if (paths.isEmpty()) {
            err.print(HELP);
            return 2;
        }
        Sources src = new Sources();
        Policy policy;
        List<Test> tests = new ArrayList<>();
        List<Module> parsed = new ArrayList<>();
        try {
            src.addAll(paths);
            for (Map.Entry<String, String> e : src.modules.entrySet()) {
                Module m = Parser.parseModule(e.getValue(), e.getKey());
                parsed.add(m);
                if (e.getKey().endsWith("_test.rego")) {
                    tests.addAll(testsOf(m));
                }
            }
            policy = Policy.compile(src.modules, src.data);
        } catch (RegoException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        // with --coverage, stdout carries the JSON report alone
        PrintStream report = coverage != null ? err : out;
        int pass = 0;
        int fail = 0;
        int errors = 0;
        int skip = 0;
        for (Test t : tests) {
            if (filter != null && !filter.matcher(t.path()).find()) {
                continue;
            }
            if (t.todo()) {
                skip++;
                if (verbose) {
                    report.println("SKIPPED: " + t.path());
                }
                continue;
            }
            long start = System.nanoTime();
            String outcome;
            String why = null;
            try {
                Value v = policy.evalRef(
                        t.path(),
                        EvalOptions.defaults()
                                .withPrint((loc, msg) -> err.println(msg))
                                .withCoverage(coverage)
                                .withLimits(Duration.ofMillis(timeout), 100_000_000L, 10_000_000));
                if (v == BoolValue.TRUE) {
                    outcome = "PASS";
                } else {
                    outcome = "FAIL";
                    why = v == null
                            ? "rule is undefined: some expression in its body was not satisfied"
                            : "rule evaluated to " + v + ", not true";
                }
            } catch (RegoException e) {
                outcome = "ERROR";
                why = e.getMessage();
            }
            String dur = String.format(" (%.3fms)", (System.nanoTime() - start) / 1e6);
            switch (outcome) {
                case "PASS" -> pass++;
                case "FAIL" -> fail++;
                default -> errors++;
            }
            if (verbose || !outcome.equals("PASS")) {
                report.println(outcome + ": " + t.path() + dur);
                if (why != null) {
                    report.println("  " + t.file() + ":" + t.row() + ": " + why);
                }
            }
        }
        if (coverage != null) {
            report.flush();
            out.println(io.dsx.policy.builtins.encoding.GoJson.marshalIndent(
                    CoverageReport.of(parsed, coverage), "", "  "));
        }
        int total = pass + fail + errors + skip;
        report.println("-".repeat(80));
        if (total == 0) {
            report.println("no tests found");
            return 0;
        }
        if (pass > 0) {
            report.println("PASS: " + pass + "/" + total);
        }
        if (fail > 0) {
            report.println("FAIL: " + fail + "/" + total);
        }
        if (errors > 0) {
            report.println("ERROR: " + errors + "/" + total);
        }
        if (skip > 0) {
            report.println("SKIPPED: " + skip + "/" + total);
        }
        return fail + errors > 0 ? 2 : 0;
    }

    private static List<Test> testsOf(Module m) {
        Set<String> seen = new LinkedHashSet<>();
        List<Test> out = new ArrayList<>();
        for (Rule r : m.rules()) {
            String name = ((Term.Var) r.ref().head()).name();
            if (r.args() != null || !r.ref().path().isEmpty()) {
                continue;
            }
            boolean todo = name.startsWith("todo_test_");
            if (!name.startsWith("test_") && !todo) {
                continue;
            }
            String path = "data." + String.join(".", m.pkg()) + "." + name;
            if (seen.add(path)) {
                out.add(new Test(path, m.file(), r.loc().row(), todo));
            }
        }
        return out;
    }
}
