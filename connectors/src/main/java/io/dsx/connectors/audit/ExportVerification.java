package io.dsx.connectors.audit;

import io.dsx.crypto.note.Checkpoint;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditFormatException;
import io.dsx.schemas.audit.AuditVerifier;
import io.dsx.schemas.audit.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies every log of an export with {@link AuditVerifier} (sequence, chain, tree, signed checkpoints,
 * events decoded strictly), each against the checkpoint the auditor saved for it earlier, if any. A
 * saved checkpoint whose log is missing from the export fails too: a log cannot vanish unnoticed.
 */
public final class ExportVerification {

    /**
     * What was found.
     *
     * @param verdicts    one per log, by partition
     * @param newestNotes the newest valid signed checkpoint note of each log that has one (what to save)
     * @param missing     origins the saved checkpoints name that have no log in the export
     */
    public record Result(Map<Integer, Verdict> verdicts, Map<Integer, String> newestNotes, List<String> missing) {
        public boolean ok() {
            return missing.isEmpty() && verdicts.values().stream().allMatch(Verdict::ok);
        }

        /** The notes to keep for the next run, one per log, in partition order. */
        public List<String> notesToSave() {
            return List.copyOf(newestNotes.values());
        }
    }

    private ExportVerification() {}

    /**
     * @param key   the audit key checkpoints must be signed with
     * @param saved checkpoint notes the auditor kept from an earlier run (any logs), possibly empty
     */
    public static Result verify(AuditExport export, NoteVerifierKey key, List<String> saved, ProgressListener progress)
            throws AuditToolException {
        Map<String, String> savedByOrigin = new HashMap<>();
        for (String note : saved) {
            if (savedByOrigin.put(CheckpointNotes.origin(note), note) != null) {
                throw new AuditToolException("the saved checkpoints hold two for log "
                        + AuditExport.printable(CheckpointNotes.origin(note)));
            }
        }
        Map<Integer, Verdict> verdicts = new LinkedHashMap<>();
        Map<Integer, String> newest = new LinkedHashMap<>();
        Set<String> unseen = new TreeSet<>(savedByOrigin.keySet());
        for (int partition : export.partitions()) {
            String origin = AuditCheckpoints.origin(key.name(), partition);
            unseen.remove(origin);
            List<String> notes = export.checkpoints(partition);
            Verdict v = verifyLog(export, partition, origin, key, notes, savedByOrigin.get(origin), progress);
            verdicts.put(partition, v);
            String note = noteOf(v.latest(), notes, key);
            if (v.ok() && note != null) {
                newest.put(partition, note);
            }
        }
        return new Result(verdicts, newest, new ArrayList<>(unseen));
    }

    private static Verdict verifyLog(
            AuditExport export,
            int partition,
            String origin,
            NoteVerifierKey key,
            List<String> notes,
            String savedNote,
            ProgressListener progress)
            throws AuditToolException {
        AuditVerifier verifier = new AuditVerifier(origin, key, true);
        String phase = "verify log " + partition;
        try (EventReader events = export.events(partition)) {
            for (byte[] bytes = events.next(); bytes != null; bytes = events.next()) {
                if (!verifier.accept(bytes)) {
                    break;
                }
                if ((events.count() & 0x3ff) == 0) {
                    progress.progress(phase, events.count(), -1);
                }
            }
            progress.progress(phase, events.count(), events.count());
        }
        return verifier.finish(notes, savedNote);
    }

    /** The note among {@code notes} that carries {@code checkpoint}. */
    private static String noteOf(Checkpoint checkpoint, List<String> notes, NoteVerifierKey key) {
        if (checkpoint == null) {
            return null;
        }
        for (String n : notes) {
            try {
                if (AuditCheckpoints.open(n, key).equals(checkpoint)) {
                    return n;
                }
            } catch (AuditFormatException e) {
                // not this one: the verdict already judged every note
            }
        }
        return null;
    }
}
