package io.dsx.connectors.cli;

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
 * {@code dsx policy eval|test}: the policy module's tools ({@link PolicyEval},
 * {@link PolicyTestRunner}) with their own arguments, help and exit codes.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Evaluate Rego queries and run Rego tests with dsx's policy engine.",
    subcommands = {PolicyCommand.Eval.class, PolicyCommand.Test.class})
final class PolicyCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "give eval or test");
  }

  /** The tools parse their own options: picocli hands every argument through, in order. */
  static void passThroughArguments(CommandLine root) {
    CommandLine policy = root.getSubcommands().get("policy");
    for (String name : List.of("eval", "test")) {
      policy.getSubcommands().get(name).setUnmatchedOptionsArePositionalParams(true);
    }
  }

  @Command(name = "eval", description = "Evaluate a Rego query (dsx policy eval --help for the options).")
  static final class Eval implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "Arguments of the policy tool.")
    List<String> args = new ArrayList<>();

    Eval(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      return bridged(ctx, (out, err) -> PolicyEval.run(args.toArray(String[]::new), ctx.stdin(), out, err));
    }
  }

  @Command(name = "test", description = "Run Rego tests (dsx policy test --help for the options).")
  static final class Test implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "Arguments of the policy tool.")
    List<String> args = new ArrayList<>();

    Test(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      return bridged(ctx, (out, err) -> PolicyTestRunner.run(args.toArray(String[]::new), out, err));
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
