package io.dsx.policy.tool;

import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.bundle.BundleCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code dsx policy check}: what the gateway would refuse in a bundle, and why. */
public final class PolicyCheck {
    static final String HELP = """
            Usage: dsx policy check [options] BUNDLE
              Reports what the gateway would refuse in a bundle (directory or
              .tar.gz), without running it: modules that do not parse, a policy
              that does not compile (including calls of builtins dsx declares but
              does not implement) and actions without a decision rule
              data.dsx.<action>.decision.
            Options:
                  --actions LIST   comma-separated actions that need a decision
                                   (default: contribute,dataset.register,
                                   request_access,read,audit.read,audit.replay)
              -h, --help           this help
            Exit codes: 0 accepted, 1 refused (one line per reason), 2 usage.
            Example:
              dsx policy check --actions request_access,read policy/bundles/reference
            """;

    private PolicyCheck() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> actions = BundleCheck.ACTIONS;
        Path bundle = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--actions" ->
                        actions = Arrays.stream(args[++i].split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList();
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return 0;
                    }
                    default -> {
                        if (bundle != null || args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unexpected argument: " + args[i]);
                        }
                        bundle = Path.of(args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println(e instanceof ArrayIndexOutOfBoundsException ? "missing option value" : e.getMessage());
            err.print(HELP);
            return 2;
        }
        if (bundle == null) {
            err.print(HELP);
            return 2;
        }
        Bundle b;
        try {
            b = Bundle.load(bundle);
        } catch (IOException | IllegalArgumentException e) {
            err.println("refused: load: " + bundle + ": " + e.getMessage());
            return 1;
        }
        List<BundleCheck.Problem> problems = BundleCheck.check(b, actions, BuiltinRegistry.standard());
        for (BundleCheck.Problem p : problems) {
            err.println("refused: " + p);
        }
        if (!problems.isEmpty()) {
            return 1;
        }
        out.println("accepted: " + bundle + " (" + b.modules().size() + " modules, revision " + b.revision()
                + "; decisions for " + String.join(", ", actions) + ")");
        return 0;
    }
}
