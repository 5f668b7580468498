package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditExport;
import io.dsx.connectors.audit.AuditExporter;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import picocli.CommandLine.Option;

/**
 * Where a {@code dsx audit} command reads the log: an export directory ({@code --from}) or a gateway
 * ({@code --gateway}, exported to a temporary directory that is deleted afterwards).
 */
final class AuditSource {
    @Option(names = "--from", paramLabel = "DIR", description = "An export directory (see dsx audit export).")
    Path from;

    @Option(
            names = "--gateway",
            paramLabel = "URL",
            description = "Read the log live from this gateway instead, as an auditor (token in env DSX_TOKEN).")
    URI gateway;

    @Option(names = "--allow-http", description = "Allow plain http to a gateway on another machine.")
    boolean allowHttp;

    /** An open export and the temporary directory to delete, if any. */
    record Opened(AuditExport export, Path temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary == null) {
                return;
            }
            try (var s = Files.walk(temporary)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temporary copy of the log left behind is not worth failing the command for
            }
        }
    }

    /** Opens the export: {@code --from}, else a fresh export from {@code --gateway}. */
    Opened open(CliContext ctx, AuditProgress progress, boolean gatewayAlsoAllowed)
            throws CliFailure, AuditToolException, GatewayException {
        if (from != null && gateway != null && !gatewayAlsoAllowed) {
            throw new CliFailure("give --from DIR or --gateway URL, not both");
        }
        if (from != null) {
            return new Opened(AuditExport.open(from), null);
        }
        if (gateway == null) {
            throw new CliFailure("give --from DIR (an export) or --gateway URL");
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("dsx-audit-");
        } catch (IOException e) {
            throw new CliFailure(
                    "cannot create a temporary directory: " + e.getClass().getSimpleName());
        }
        Opened opened = new Opened(null, tmp);
        try {
            AuditExporter.export(client(ctx), tmp.resolve("export"), progress);
            return new Opened(AuditExport.open(tmp.resolve("export")), tmp);
        } catch (AuditToolException | GatewayException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** A client for {@code --gateway}, with the token from the environment. */
    GatewayClient client(CliContext ctx) throws CliFailure {
        if (gateway == null) {
            throw new CliFailure("--gateway URL is required");
        }
        return connect(ctx, gateway, allowHttp);
    }

    static GatewayClient connect(CliContext ctx, URI url, boolean allowHttp) throws CliFailure {
        if (ctx.envVar(GatewayOptions.ENV_TOKEN) == null && ctx.envVar(GatewayOptions.ENV_CLIENT_ID) == null) {
            throw new CliFailure("no token: set env " + GatewayOptions.ENV_TOKEN + " to an auditor's access token");
        }
        GatewayOptions options = new GatewayOptions();
        options.gateway = url;
        options.allowHttp = allowHttp;
        return options.connect(ctx);
    }
}
