package io.dsx.connectors.cli;

import io.dsx.connectors.audit.AuditExport;
import io.dsx.connectors.audit.AuditToolException;
import io.dsx.crypto.note.NoteVerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dsx audit ...}: the auditor's commands over the audit log (docs/auditing.md). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Export, verify, replay and query the audit log; list the disclosures of one data subject; "
                + "write a report for a regulator.",
        subcommands = {
            AuditExportCommand.class,
            AuditVerifyCommand.class,
            AuditReplayCommand.class,
            AuditQueryCommand.class,
            AuditDisclosuresCommand.class,
            AuditReportCommand.class
        },
        footer = {"", "Example:", "  dsx audit verify --from audit-2026-12 --key audit.key"})
final class AuditCommand implements Runnable {
    static final String AUTH = "With --gateway it acts as the auditor whose Keycloak access token is in env DSX_TOKEN.";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "give a subcommand: export, verify, replay, query, disclosures or report");
    }

    /** The key checkpoints must be signed with: {@code --key FILE}, else the export's (with a warning). */
    static NoteVerifierKey key(CliContext ctx, AuditExport export, Path keyFile) throws AuditToolException {
        if (keyFile != null) {
            NoteVerifierKey given = AuditExport.readKey(keyFile);
            String mismatch;
            try {
                mismatch = given.equals(export.verifierKey()) ? null : "the export carries another verifier key";
            } catch (AuditToolException e) {
                mismatch = "the export's verifier key is unreadable (" + e.getMessage() + ")";
            }
            if (mismatch != null) {
                ctx.err().println("dsx: warning: " + mismatch + "; checking with " + keyFile);
            }
            return given;
        }
        ctx.err()
                .println("dsx: checkpoint signatures are checked with the key in the export; give --key FILE "
                        + "with the key you got from the operator to rule out a replaced key");
        return export.verifierKey();
    }

    /** Writes {@code text} to {@code file} whole or not at all. */
    static void writeAtomically(Path file, String text) throws CliFailure {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /** {@code --since}/{@code --until}: an RFC 3339 instant or a date (its start, UTC). */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "expected a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
            }
        }
    }
}
