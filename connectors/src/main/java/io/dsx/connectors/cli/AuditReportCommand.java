package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditExport;
import io.dsx.connectors.audit.AuditReport;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.audit.ExportVerification;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.crypto.note.NoteVerifierKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx audit report}: one self-contained HTML file for a regulator. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a self-contained HTML report for a regulator.",
            "Writes one self-contained HTML file a regulator can read: the verification result of every log "
                    + "and the checkpoint it was checked against, records released per dataset and per "
                    + "institution over time (inline SVG charts), refusals and grants. No script, no external "
                    + "asset. Verifies first; exits 1 after writing the report if a log does not verify.",
            AuditCommand.AUTH
        },
        footer = {
            "",
            "Example:",
            "  dsx audit report --from audit-2026-12 --key audit.key \\",
            "    --saved last.checkpoints --out audit-2026-12.html"
        })
final class AuditReportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    AuditSource source = new AuditSource();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path out;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "The audit verifier key you trust (default: the one in the export).")
    Path key;

    @Option(
            names = "--saved",
            paramLabel = "FILE",
            description = "Checkpoints saved by dsx audit verify --save: each log must extend them.")
    Path saved;

    AuditReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, AuditToolException, GatewayException {
        AuditProgress progress = new AuditProgress(ctx);
        try (AuditSource.Opened opened = source.open(ctx, progress, false)) {
            AuditExport export = opened.export();
            NoteVerifierKey k = AuditCommand.key(ctx, export, key);
            List<String> savedNotes = saved == null ? List.of() : AuditExport.readNotes(saved);
            ExportVerification.Result verification = ExportVerification.verify(export, k, savedNotes, progress);
            String html = AuditReport.build(export, verification, k, ctx.clock().instant(), progress);
            progress.finish();
            AuditCommand.writeAtomically(out, html);
            if (!verification.ok()) {
                ctx.err().println("dsx: report written to " + out + "; verification FAILED (see its first section)");
                return DsxCli.FAILURE;
            }
            ctx.err().println("dsx: report written to " + out + "; every log verifies");
            return 0;
        }
    }
}
