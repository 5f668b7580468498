package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AccessQuery;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.contributor.GatewayException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx audit query}: who read which fields of which dataset, when, under which grant and job. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Who read which fields of which dataset, when, under which grant.",
            "Lists who read which fields of which dataset, when, under which grant and job: every event that "
                    + "released records, or with --action every event of that action. Filters combine.",
            AuditCommand.AUTH
        },
        footer = {
            "",
            "Example:",
            "  dsx audit query --from audit-2026-12 --dataset visits \\",
            "    --institution uni-b --since 2026-12-01 --format csv"
        })
final class AuditQueryCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    AuditSource source = new AuditSource();

    @Option(names = "--dataset", paramLabel = "ID", description = "Only this dataset.")
    String dataset;

    @Option(names = "--researcher", paramLabel = "ID", description = "Only this caller (the token's subject).")
    String researcher;

    @Option(names = "--institution", paramLabel = "ID", description = "Only this institution.")
    String institution;

    @Option(names = "--job", paramLabel = "ID", description = "Only this job.")
    String job;

    @Option(
            names = "--action",
            paramLabel = "NAME",
            description = "List events of this action (e.g. request_access) instead of record releases.")
    String action;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            converter = AuditCommand.TimeConverter.class,
            description = "From this date or instant on (UTC).")
    Instant since;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            converter = AuditCommand.TimeConverter.class,
            description = "Before this date or instant (UTC).")
    Instant until;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    AuditOutput.Format format;

    AuditQueryCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, AuditToolException, GatewayException {
        AuditProgress progress = new AuditProgress(ctx);
        try (AuditSource.Opened opened = source.open(ctx, progress, false)) {
            AccessQuery.Filter filter =
                    new AccessQuery.Filter(dataset, researcher, institution, job, action, since, until);
            AuditOutput out = new AuditOutput(ctx.out(), format, AccessQuery.COLUMNS);
            long n = AccessQuery.run(opened.export(), filter, progress, a -> out.row(a, a.cells()));
            progress.finish();
            out.end();
            ctx.err().println("dsx: " + n + (action == null ? " record release(s)" : " event(s)"));
            return 0;
        }
    }
}
