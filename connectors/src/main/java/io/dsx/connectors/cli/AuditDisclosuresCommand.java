package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditToolException;
import io.dsx.connectors.audit.Disclosures;
import io.dsx.connectors.contributor.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dsx audit disclosures}: every release of one data subject's records (HIPAA §164.528). */
@Command(
        name = "disclosures",
        mixinStandardHelpOptions = true,
        description = {
            "Every release of one data subject's records (HIPAA 164.528).",
            "Lists every release of one data subject's records from a dataset: when, to whom (researcher, "
                    + "institution, job), which fields, under which grant and purpose. The gateway computes the "
                    + "subject's keyed hash (--gateway is needed even with --from); the identifier is sent only "
                    + "there and never printed. Give it with --subject-file (- for stdin) to keep it out of "
                    + "shell history and process lists.",
            "Acts as an auditor or a steward of the owning institution (token in env DSX_TOKEN)."
        },
        footer = {
            "",
            "Example:",
            "  dsx audit disclosures --gateway https://gw.example.org \\",
            "    --from audit-2026-12 --dataset visits --subject-file -"
        })
final class AuditDisclosuresCommand implements Callable<Integer> {
    private static final int MAX_SUBJECT_CHARS = 512;

    private final CliContext ctx;

    @Mixin
    AuditSource source = new AuditSource();

    @Option(names = "--dataset", required = true, paramLabel = "ID", description = "The dataset.")
    String dataset;

    @ArgGroup(multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--subject", paramLabel = "ID", description = "The subject's identifier.")
        String id;

        @Option(
                names = "--subject-file",
                paramLabel = "FILE",
                description = "A file holding the identifier (- reads stdin).")
        Path file;
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    AuditOutput.Format format;

    AuditDisclosuresCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws CliFailure, AuditToolException, GatewayException {
        String id = subjectId();
        String hash = Disclosures.subjectHash(source.client(ctx), dataset, id);
        AuditProgress progress = new AuditProgress(ctx);
        try (AuditSource.Opened opened = source.open(ctx, progress, true)) {
            List<Disclosures.Release> releases = Disclosures.find(opened.export(), dataset, hash, progress);
            progress.finish();
            AuditOutput out = new AuditOutput(ctx.out(), format, Disclosures.COLUMNS);
            releases.forEach(r -> out.row(r, r.cells()));
            out.end();
            ctx.err().println("dsx: " + releases.size() + " release(s) of the subject's records from " + dataset);
            return 0;
        }
    }

    private String subjectId() throws CliFailure {
        String id = subject.id;
        if (subject.file != null) {
            try {
                byte[] bytes = subject.file.toString().equals("-")
                        ? ctx.stdin().readNBytes(MAX_SUBJECT_CHARS * 4 + 1)
                        : Files.readAllBytes(subject.file);
                id = new String(bytes, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CliFailure(
                        "cannot read --subject-file: " + e.getClass().getSimpleName());
            }
        }
        if (id == null || id.isEmpty() || id.length() > MAX_SUBJECT_CHARS || id.indexOf('\n') >= 0) {
            throw new CliFailure(
                    "the subject identifier must be one line of 1 to " + MAX_SUBJECT_CHARS + " characters");
        }
        return id;
    }
}
