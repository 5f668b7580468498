package io.dsx.crypto.note;

import io.dsx.crypto.CryptoException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A c2sp.org/tlog-checkpoint body: {@code origin\n treeSize\n base64(rootHash)\n}, the text a
 * {@link SignedNote} signs. Extension lines are not produced and are rejected when parsing.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("root hash must have 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String toNoteText() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Parses a note text produced by {@link #toNoteText()}; MALFORMED otherwise. */
    public static Checkpoint parse(String text) throws CryptoException {
        String[] lines = text.split("\n", -1);
        try {
            if (lines.length != 4 || !lines[3].isEmpty() || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
                throw new IllegalArgumentException("shape");
            }
            return new Checkpoint(
                    lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "malformed checkpoint", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && origin.equals(c.origin)
                && treeSize == c.treeSize
                && Arrays.equals(rootHash, c.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size=" + treeSize + "]";
    }
}
