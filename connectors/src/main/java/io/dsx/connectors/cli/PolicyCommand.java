package io.dsx.connectors.cli;

import io.dsx.policy.tool.PolicyCheck;
import io.dsx.policy.tool.PolicyEval;
import io.dsx.policy.tool.PolicyTestRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dsx policy eval|test|check}: the policy module's tools ({@link PolicyEval},
 * {@link PolicyTestRunner}, {@link PolicyCheck}) with their own arguments, help and exit codes.
 */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Evaluate Rego queries, run Rego tests and check bundles with dsx's policy engine.",
        subcommands = {PolicyCommand.Eval.class, PolicyCommand.Test.class, PolicyCommand.Check.class},
        footer = {"", "Example:", "  dsx policy check --actions request_access,read policy/bundles/reference"})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give eval, test or check");
    }

    /** The tools parse their own options: picocli hands every argument through, in order. */
    static void passThroughArguments(CommandLine root) {
        CommandLine policy = root.getSubcommands().get("policy");
        for (String name : List.of("eval", "test", "check")) {
            policy.getSubcommands().get(name).setUnmatchedOptionsArePositionalParams(true);
        }
    }

    /** A subcommand handing its arguments to one of the policy module's tools. */
    abstract static class ToolCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "0..*", paramLabel = "ARG", description = "Arguments of the policy tool.")
        List<String> args = new ArrayList<>();

        ToolCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        CliContext ctx() {
            return ctx;
        }

        abstract int run(String[] toolArgs, PrintStream out, PrintStream err);

        @Override
        public Integer call() {
            return bridged(ctx, (out, err) -> run(args.toArray(String[]::new), out, err));
        }
    }

    @Command(name = "eval", description = "Evaluate a Rego query (dsx policy eval --help for the options).")
    static final class Eval extends ToolCommand {
        Eval(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(String[] toolArgs, PrintStream out, PrintStream err) {
            return PolicyEval.run(toolArgs, ctx().stdin(), out, err);
        }
    }

    @Command(name = "test", description = "Run Rego tests (dsx policy test --help for the options).")
    static final class Test extends ToolCommand {
        Test(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(String[] toolArgs, PrintStream out, PrintStream err) {
            return PolicyTestRunner.run(toolArgs, out, err);
        }
    }

    @Command(
            name = "check",
            description = "Report what the gateway would refuse in a bundle (dsx policy check --help).")
    static final class Check extends ToolCommand {
        Check(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(String[] toolArgs, PrintStream out, PrintStream err) {
            return PolicyCheck.run(toolArgs, out, err);
        }
    }

    private interface Tool {
        int run(PrintStream out, PrintStream err);
    }

    /** The tools write to PrintStreams; the context has writers. */
    private static int bridged(CliContext ctx, Tool tool) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = tool.run(o, e);
        }
        ctx.out().print(out.toString(StandardCharsets.UTF_8));
        ctx.err().print(err.toString(StandardCharsets.UTF_8));
        return code;
    }
}
