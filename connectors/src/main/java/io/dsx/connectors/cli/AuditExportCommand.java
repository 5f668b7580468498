package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditExporter;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.contributor.GatewayException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsx audit export}: the gateway's audit logs into an export directory. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Copy the gateway's audit logs into an export directory.",
            "Writes into DIR every log's events and signed checkpoints, the verifier key and "
                    + "every policy revision a decision was made under. Every other dsx audit command reads DIR "
                    + "with --from. DIR must not exist or be empty; it appears whole or not at all.",
            "Acts as the auditor whose Keycloak access token is in env DSX_TOKEN."
        },
        footer = {"", "Example:", "  dsx audit export --gateway https://gw.example.org --out audit-2026-12"})
final class AuditExportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--gateway", required = true, paramLabel = "URL", description = "Gateway base URL.")
    URI gateway;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The export directory to write.")
    Path out;

    @Option(names = "--allow-http", description = "Allow plain http to a gateway on another machine.")
    boolean allowHttp;

    AuditExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, AuditToolException, GatewayException {
        AuditProgress progress = new AuditProgress(ctx);
        AuditExporter.Summary s = AuditExporter.export(AuditSource.connect(ctx, gateway, allowHttp), out, progress);
        progress.finish();
        ctx.err()
                .println("dsx: exported " + s.logs() + " log(s), " + s.events() + " events, " + s.checkpoints()
                        + " checkpoints, " + s.policies() + " policy revision(s) to " + out);
        return 0;
    }
}
