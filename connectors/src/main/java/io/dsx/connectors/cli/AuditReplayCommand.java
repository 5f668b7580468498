package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditReplay;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.contributor.GatewayException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx audit replay}: every recorded decision re-derived, or a what-if under another bundle. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-derive every recorded decision, or run a what-if.",
            "Re-evaluates every recorded policy decision on its recorded input under the policy revision it "
                    + "names (kept in the export), with dsx's Rego engine and strict builtin errors, and print "
                    + "each decision that comes out differently (exit 1 if any, or if one cannot be replayed).",
            "With --bundle, a what-if: print the past decisions the new policy would decide differently " + "(exit 0).",
            AuditCommand.AUTH
        },
        footer = {
            "",
            "Example:",
            "  dsx audit replay --from audit-2026-12",
            "  dsx audit replay --from audit-2026-12 --bundle policy/stricter"
        })
final class AuditReplayCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    AuditSource source = new AuditSource();

    @Option(
            names = "--bundle",
            paramLabel = "NEW",
            description = "A policy bundle (directory or .tar.gz) to decide every recorded input with instead.")
    Path bundle;

    AuditReplayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, AuditToolException, GatewayException {
        AuditProgress progress = new AuditProgress(ctx);
        try (AuditSource.Opened opened = source.open(ctx, progress, false)) {
            AuditReplay.Summary s = bundle == null
                    ? AuditReplay.replay(opened.export(), progress, f -> print(progress, f))
                    : AuditReplay.whatIf(opened.export(), bundle, progress, f -> print(progress, f));
            progress.finish();
            if (bundle != null) {
                ctx.err()
                        .println("dsx: " + s.events() + " events, " + s.decisions() + " decisions: " + s.findings()
                                + " would be decided differently under " + bundle);
                return 0;
            }
            ctx.err()
                    .println("dsx: " + s.events() + " events, " + s.decisions() + " decisions: " + s.rederived()
                            + " re-derived, " + s.findings() + " not");
            return s.findings() == 0 ? 0 : DsxCli.FAILURE;
        }
    }

    private void print(AuditProgress progress, AuditReplay.Finding f) {
        progress.finish();
        ctx.out()
                .println("log " + f.partition() + " seq " + f.seq() + " " + f.timestamp() + " " + f.path()
                        + " decision " + f.decisionId() + ": " + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + ": " + f.detail());
    }
}
