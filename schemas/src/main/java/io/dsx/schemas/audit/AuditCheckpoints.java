package io.dsx.schemas.audit;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.merkle.MerkleProofs;
import io.dsx.crypto.note.Checkpoint;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.crypto.note.SignedNote;
import io.dsx.crypto.sign.SigningKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Binds audit logs to C2SP tlog-checkpoints: the log of {@code dsx.audit} partition {@code p} has the
 * origin {@code <name>/<p>}, where {@code name} is the audit key's note name (one key signs the
 * checkpoints of every partition); a checkpoint is the signed note {@code origin\nsize\nbase64(root)\n}
 * with the RFC 6962 root of the log's first {@code size} events ({@link AuditTree}).
 */
public final class AuditCheckpoints {
    /** At most this many characters in a signed checkpoint note. */
    public static final int MAX_NOTE_CHARS = 4_096;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

    private AuditCheckpoints() {}

    /** The origin of the log held by {@code partition}. */
    public static String origin(String keyName, int partition) {
        if (keyName == null || !NAME.matcher(keyName).matches() || partition < 0) {
            throw new IllegalArgumentException("audit log names match " + NAME.pattern() + " and partitions are >= 0");
        }
        return keyName + "/" + partition;
    }

    /** The signed note for the first {@code size} events of the log {@code origin}. */
    public static String sign(String origin, long size, byte[] root, String keyName, SigningKey key) {
        return SignedNote.sign(new Checkpoint(origin, size, root).toNoteText(), keyName, key);
    }

    /** The checkpoint, if {@code note} carries a valid signature by {@code key}; else AuditFormatException. */
    public static Checkpoint open(String note, NoteVerifierKey key) throws AuditFormatException {
        if (note == null || note.length() > MAX_NOTE_CHARS) {
            throw new AuditFormatException("a checkpoint note has at most " + MAX_NOTE_CHARS + " characters");
        }
        try {
            return Checkpoint.parse(SignedNote.open(note, key));
        } catch (CryptoException e) {
            throw new AuditFormatException(
                    "checkpoint " + e.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code proof} shows the event with these bytes at {@code index} under {@code checkpoint}. */
    public static boolean verifyInclusion(byte[] eventBytes, long index, List<byte[]> proof, Checkpoint checkpoint) {
        return MerkleProofs.verifyInclusion(
                AuditTree.leafHash(eventBytes), index, checkpoint.treeSize(), proof, checkpoint.rootHash());
    }

    /** True when {@code proof} shows {@code newer}'s log extends {@code older}'s (same origin). */
    public static boolean verifyConsistency(Checkpoint older, Checkpoint newer, List<byte[]> proof) {
        return older.origin().equals(newer.origin())
                && MerkleProofs.verifyConsistency(
                        older.treeSize(), newer.treeSize(), proof, older.rootHash(), newer.rootHash());
    }
}
