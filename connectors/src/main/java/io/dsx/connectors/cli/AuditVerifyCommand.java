package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditExport;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.audit.CheckpointNotes;
import io.dsx.connectors.audit.ExportVerification;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx audit verify}: chain, tree, signed checkpoints and the auditor's saved checkpoint. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify every audit log; name the first bad position.",
            "Checks each event's seq and hash chain, the Merkle tree against every signed "
                    + "checkpoint, the checkpoint signatures, and that each log extends the checkpoint you saved "
                    + "last time (--saved). Prints one line per log; on a problem names the first bad position "
                    + "(log and seq) and exits 1.",
            AuditCommand.AUTH
        },
        footer = {
            "",
            "Example:",
            "  dsx audit verify --from audit-2026-12 --key audit.key \\",
            "    --saved last.checkpoints --save last.checkpoints"
        })
final class AuditVerifyCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    AuditSource source = new AuditSource();

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "The audit verifier key you trust (default: the one in the export).")
    Path key;

    @Option(
            names = "--saved",
            paramLabel = "FILE",
            description = "Checkpoints saved by an earlier run (--save): each log must extend them.")
    Path saved;

    @Option(
            names = "--save",
            paramLabel = "FILE",
            description = "Keep the newest checkpoint of every log here, if all verify.")
    Path save;

    AuditVerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, AuditToolException, GatewayException {
        AuditProgress progress = new AuditProgress(ctx);
        try (AuditSource.Opened opened = source.open(ctx, progress, false)) {
            AuditExport export = opened.export();
            NoteVerifierKey k = AuditCommand.key(ctx, export, key);
            List<String> savedNotes = saved == null ? List.of() : AuditExport.readNotes(saved);
            ExportVerification.Result result = ExportVerification.verify(export, k, savedNotes, progress);
            progress.finish();
            for (Map.Entry<Integer, Verdict> e : result.verdicts().entrySet()) {
                ctx.out().println(line(e.getKey(), e.getValue()));
            }
            for (String origin : result.missing()) {
                ctx.out()
                        .println(
                                "log " + origin + ": MISSING: a saved checkpoint names it, the export has no such log");
            }
            if (!result.ok()) {
                ctx.err().println("dsx: verification failed: " + firstProblem(result));
                return DsxCli.FAILURE;
            }
            if (save != null) {
                AuditCommand.writeAtomically(save, CheckpointNotes.format(result.notesToSave()));
            }
            ctx.err()
                    .println("dsx: " + result.verdicts().size() + " log(s) verify"
                            + (saved == null ? "" : ", each extending the saved checkpoint")
                            + (save == null ? "" : "; newest checkpoints kept in " + save));
            return 0;
        }
    }

    static String line(int partition, Verdict v) {
        if (v.ok()) {
            return "log " + partition + " (" + v.origin() + "): ok, " + v.events() + " events"
                    + (v.latest() == null
                            ? ", no checkpoint yet"
                            : ", checkpoint " + v.latest().treeSize())
                    + (v.uncovered() > 0 ? ", " + v.uncovered() + " after it (chain only)" : "");
        }
        return "log " + partition + " (" + v.origin() + "): FAILED at position " + v.firstBadPosition() + " ("
                + v.problem().wire() + "): " + v.detail();
    }

    private static String firstProblem(ExportVerification.Result result) {
        for (Map.Entry<Integer, Verdict> e : result.verdicts().entrySet()) {
            if (!e.getValue().ok()) {
                return "log " + e.getKey() + " position " + e.getValue().firstBadPosition() + " ("
                        + e.getValue().problem().wire() + ")";
            }
        }
        return "log " + result.missing().get(0) + " is missing";
    }
}
