package io.dsx.policy.tool;

import io.dsx.policy.Policy;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code dsx policy eval}: evaluates a query against policies, data and an input; prints JSON. */
public final class PolicyEval {
    static final String HELP = """
            Usage: dsx policy eval [options] QUERY
              Evaluates a Rego query and prints {"result": [bindings...]} as JSON.
            Options:
              -d, --data PATH      .rego file, JSON data file or directory (repeatable)
              -b, --bundle PATH    bundle directory or .tar.gz (repeatable)
              -i, --input FILE     input JSON document ('-' reads stdin)
                  --strict         strict builtin errors (fail on the first builtin error)
                  --timeout MS     evaluation deadline in milliseconds (default 5000)
                  --fail           exit 1 when the result is undefined (no solutions)
              -f, --format FMT     json (default) or pretty: a query without
                                   variables prints its value as indented JSON,
                                   one with variables a table of bindings
              -h, --help           this help
            print() output goes to stderr.
            Exit codes: 0 ok, 1 evaluation/compile error (or undefined with
            --fail), 2 usage.
            Example:
              dsx policy eval -b policy/bundles/reference -i in.json \\
                --format pretty data.dsx.read.decision
            """;

    private PolicyEval() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        List<Path> data = new ArrayList<>();
        List<Path> bundles = new ArrayList<>();
        String inputFile = null;
        String query = null;
        boolean strict = false;
        boolean fail = false;
        String format = "json";
        long timeout = 5000;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-d", "--data" -> data.add(Path.of(args[++i]));
                    case "-b", "--bundle" -> bundles.add(Path.of(args[++i]));
                    case "-i", "--input" -> inputFile = args[++i];
                    case "--strict" -> strict = true;
                    case "--fail" -> fail = true;
                    case "-f", "--format" -> {
                        format = args[++i];
                        if (!format.equals("json") && !format.equals("pretty")) {
                            throw new NumberFormatException("format must be json or pretty");
                        }
                    }
                    case "--timeout" -> timeout = Long.parseLong(args[++i]);
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return 0;
                    }
                    default -> {
                        if (query != null || args[i].startsWith("-")) {
                            err.println("unexpected argument: " + args[i]);
                            err.print(HELP);
                            return 2;
                        }
                        query = args[i];
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println("missing or invalid option value");
            err.print(HELP);
            return 2;
        }
        if (query == null) {
            err.print(HELP);
            return 2;
        }
        try {
            Sources src = new Sources();
            src.addAll(data);
            for (Path b : bundles) {
                Bundle bundle = Bundle.load(b);
                src.modules.putAll(bundle.modules());
                for (var e : bundle.data().entries().entrySet()) {
                    src.data = src.data.with(e.getKey(), e.getValue());
                }
            }
            Value input = null;
            if (inputFile != null) {
                String text = inputFile.equals("-")
                        ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(inputFile), StandardCharsets.UTF_8);
                input = Json.parse(text);
            }
            Policy policy = Policy.compile(src.modules, src.data);
            EvalOptions opts = EvalOptions.defaults()
                    .withInput(input)
                    .withStrict(strict)
                    .withPrint((loc, msg) -> err.println(msg))
                    .withLimits(Duration.ofMillis(timeout), 100_000_000L, 10_000_000);
            List<Map<String, Value>> rows = policy.eval(query, opts);
            if (format.equals("pretty")) {
                out.print(Pretty.render(policy, query, opts, rows));
                return fail && rows.isEmpty() ? 1 : 0;
            }
            StringBuilder sb = new StringBuilder("{\"result\": [");
            for (int r = 0; r < rows.size(); r++) {
                ObjectValue.Builder b = ObjectValue.builder();
                rows.get(r).forEach(b::put);
                sb.append(r > 0 ? ", " : "").append(Json.write(b.build()));
            }
            out.println(sb.append("]}"));
            return fail && rows.isEmpty() ? 1 : 0;
        } catch (RegoException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
