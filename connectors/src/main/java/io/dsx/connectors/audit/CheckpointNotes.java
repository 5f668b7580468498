package io.dsx.connectors.audit;

import io.dsx.connectors.source.BoundedLineReader;
import io.dsx.schemas.audit.AuditCheckpoints;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a list of signed checkpoint notes: {@code checkpoints.txt} of an export and the
 * auditor's saved-checkpoint file. Each note is written exactly as signed (body, blank line, signature
 * lines starting with {@code "— "}, final newline) and followed by one blank line. A note's own blank
 * line comes before its first signature line; the blank line after its last signature line ends it.
 */
public final class CheckpointNotes {
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private CheckpointNotes() {}

    /** The notes, each followed by a blank line. */
    public static String format(List<String> notes) {
        StringBuilder out = new StringBuilder();
        for (String n : notes) {
            out.append(n.endsWith("\n") ? n : n + "\n").append('\n');
        }
        return out.toString();
    }

    /** The notes in {@code text}; {@code where} names the file in errors. */
    public static List<String> parse(String text, String where) throws AuditToolException {
        return parse(new StringReader(text), where);
    }

    /** The notes read from {@code in}, bounded in count and length. */
    public static List<String> parse(Reader in, String where) throws AuditToolException {
        BoundedLineReader lines = new BoundedLineReader(in, AuditCheckpoints.MAX_NOTE_CHARS);
        List<String> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        boolean inSignatures = false;
        boolean bodySeen = false;
        try {
            for (BoundedLineReader.Line l = lines.next(); l != null; l = lines.next()) {
                if (l.tooLong()) {
                    throw new AuditToolException(where + ":" + l.number() + ": line longer than "
                            + AuditCheckpoints.MAX_NOTE_CHARS + " characters");
                }
                String line = l.text();
                if (line.isEmpty()) {
                    if (inSignatures) {
                        add(notes, note, where, l.number());
                        inSignatures = false;
                        bodySeen = false;
                    } else if (bodySeen) {
                        note.append('\n');
                        inSignatures = true;
                    }
                    continue;
                }
                if (inSignatures && !line.startsWith(SIGNATURE_PREFIX)) {
                    throw new AuditToolException(
                            where + ":" + l.number() + ": expected a signature line or a blank line");
                }
                note.append(line).append('\n');
                bodySeen = true;
                if (note.length() > AuditCheckpoints.MAX_NOTE_CHARS) {
                    throw new AuditToolException(where + ":" + l.number() + ": a checkpoint note has at most "
                            + AuditCheckpoints.MAX_NOTE_CHARS + " characters");
                }
            }
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + where + ": " + e.getClass().getSimpleName(), e);
        }
        if (inSignatures) {
            add(notes, note, where, -1);
        } else if (bodySeen) {
            throw new AuditToolException(where + ": the last checkpoint note has no signature");
        }
        return notes;
    }

    private static void add(List<String> notes, StringBuilder note, String where, long line) throws AuditToolException {
        if (!note.toString().contains("\n" + SIGNATURE_PREFIX)) {
            throw new AuditToolException(where + ":" + line + ": a checkpoint note without a signature");
        }
        if (notes.size() >= ExportLimits.MAX_CHECKPOINTS_PER_LOG) {
            throw new AuditToolException(
                    where + ": more than " + ExportLimits.MAX_CHECKPOINTS_PER_LOG + " checkpoint notes");
        }
        notes.add(note.toString());
        note.setLength(0);
    }

    /** The origin (first line) of a note, without checking its signature. */
    public static String origin(String note) {
        int nl = note.indexOf('\n');
        return nl < 0 ? note : note.substring(0, nl);
    }
}
