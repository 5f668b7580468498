package io.dsx.connectors.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dsx}: the participants' command line. Main class of the {@code connectors/dsx} launcher. */
@Command(
        name = "dsx",
        mixinStandardHelpOptions = true,
        version = "dsx 0.1.0",
        description =
                "Command line of the dsx data-space exchange: keys, datasets, contributions, policies, access requests, grants, jobs and the audit log.",
        subcommands = {
            KeygenCommand.class,
            DatasetCommand.class,
            ContributeCommand.class,
            PolicyCommand.class,
            AccessCommands.Datasets.class,
            AccessCommands.Request.class,
            AccessCommands.Requests.class,
            AccessCommands.Grants.class,
            AccessCommands.Approve.class,
            AccessCommands.Deny.class,
            AccessCommands.Revoke.class,
            JobCommand.class,
            AuditCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage error. Errors are one line: dsx: <message>."})
public final class DsxCli implements Runnable {
    /** Exit code of a failed command. */
    public static final int FAILURE = 1;
    /** Exit code of a usage error (unknown option, missing argument). */
    public static final int USAGE = 2;

    private final CliContext ctx;

    public DsxCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs {@code dsx args...} in this process; returns the exit code. */
    public static int run(CliContext ctx, String... args) {
        CommandLine cli = commandLine(ctx);
        int code = cli.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cli = new CommandLine(new DsxCli(ctx), new ContextFactory(ctx));
        cli.setOut(ctx.out()).setErr(ctx.err()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            ctx.err().println("dsx: " + CliMessages.oneLine(e) + " (see '" + command + " --help')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            ctx.err().println("dsx: " + CliMessages.oneLine(e));
            return FAILURE;
        });
        PolicyCommand.passThroughArguments(cli);
        return cli;
    }

    /** Builds commands through a {@code (CliContext)} constructor when they have one. */
    private record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return type.cast(c.newInstance(ctx));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
