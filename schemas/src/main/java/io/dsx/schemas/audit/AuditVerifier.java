package io.dsx.schemas.audit;

import io.dsx.crypto.hash.ConstantTime;
import io.dsx.crypto.hash.Sha256;
import io.dsx.crypto.note.Checkpoint;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.Verdict.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Verifies one audit log from its events (fed in log order), its signed checkpoints and, optionally, a
 * checkpoint the auditor saved earlier. Not thread-safe; one instance per log.
 *
 * <p>Design note: three independent checks, each naming the first bad position.
 * <ol>
 *   <li>The sequence: the event at position i must carry seq i (a dropped, duplicated or swapped event
 *       fails here, at the first position it disturbs).</li>
 *   <li>The chain: event i's prev must be SHA-256 of event i-1's bytes. A failed link between i-1 and
 *       i means either event i-1's bytes changed or event i's prev did; the next link tells them
 *       apart (a changed prev also changes event i's own hash, so link i→i+1 fails too).</li>
 *   <li>The tree: the RFC 6962 root over the events read must equal the root each valid signed
 *       checkpoint commits to, and the log must be at least as long as every checkpoint. This catches
 *       what the chain cannot: a tail rewritten from some point with a fresh, valid chain. Its
 *       position is known to the checkpoint interval: the first position after the largest
 *       checkpoint that still matches.</li>
 * </ol>
 * The saved checkpoint is checked last: the log's root at its size must equal its root (the log
 * extends what the auditor saw), and a consistency proof from it to the newest checkpoint must verify.
 */
public final class AuditVerifier {
    private final String origin;
    private final NoteVerifierKey key;
    private final boolean decodeEvents;
    private final AuditTree tree = new AuditTree();
    private byte[] expectedPrev;
    /** A failed link into the event at this position, waiting for the next link to place the blame. */
    private long pendingBreak = -1;

    private Verdict failure;

    /**
     * @param decodeEvents also decode every event strictly (slower; the chain and tree alone already
     *                     detect any change to any byte covered by a later event or a checkpoint)
     */
    public AuditVerifier(String origin, NoteVerifierKey key, boolean decodeEvents) {
        this.origin = origin;
        this.key = key;
        this.decodeEvents = decodeEvents;
        this.expectedPrev = AuditChain.genesis(origin);
    }

    /** Feeds the next event of the log; false once a problem is found (later events are ignored). */
    public boolean accept(byte[] eventBytes) {
        if (failure != null) {
            return false;
        }
        long position = tree.size();
        AuditCodec.Header h = AuditCodec.Header.read(eventBytes);
        String malformed = h == null ? "not an audit event" : null;
        if (malformed == null && decodeEvents) {
            try {
                AuditCodec.decode(eventBytes);
            } catch (AuditFormatException e) {
                malformed = e.getMessage();
            }
        }
        if (malformed != null) {
            return fail(Problem.MALFORMED_EVENT, position, "position " + position + ": " + malformed);
        }
        if (h.seq() != position) {
            return fail(
                    Problem.SEQUENCE_BROKEN,
                    position,
                    "position " + position + " holds seq " + h.seq()
                            + " (an event was dropped, duplicated or reordered)");
        }
        byte[] prev = Arrays.copyOfRange(eventBytes, h.prevOffset(), h.prevOffset() + Sha256.LENGTH);
        byte[] hash = AuditChain.link(eventBytes);
        boolean linked = ConstantTime.equals(prev, expectedPrev);
        if (pendingBreak >= 0) {
            long bad = linked ? pendingBreak - 1 : pendingBreak;
            return fail(Problem.CHAIN_BROKEN, bad, chainDetail(bad, linked));
        }
        if (!linked) {
            if (position == 0) {
                return fail(Problem.CHAIN_BROKEN, 0, "position 0: prev is not the genesis hash of " + origin);
            }
            pendingBreak = position;
        }
        tree.append(eventBytes);
        expectedPrev = hash;
        return true;
    }

    /** The verdict once every event is fed, against the log's checkpoint notes and the saved one (may be null). */
    public Verdict finish(List<String> checkpointNotes, String savedNote) {
        if (failure != null) {
            return failure;
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < checkpointNotes.size(); i++) {
            try {
                checkpoints.add(ownCheckpoint(AuditCheckpoints.open(checkpointNotes.get(i), key)));
            } catch (AuditFormatException e) {
                return verdict(
                        Problem.BAD_CHECKPOINT,
                        tree.size(),
                        "checkpoint " + i + " of " + origin + ": " + e.getMessage(),
                        null);
            }
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::treeSize));
        if (pendingBreak >= 0) {
            return placeLastBreak(checkpoints);
        }
        Checkpoint latest = null;
        long goodSize = 0;
        for (Checkpoint c : checkpoints) {
            if (c.treeSize() > tree.size()) {
                return verdict(
                        Problem.TRUNCATED,
                        tree.size(),
                        "the log ends at " + tree.size() + " events but a signed checkpoint covers " + c.treeSize(),
                        latest);
            }
            if (!ConstantTime.equals(tree.root(c.treeSize()), c.rootHash())) {
                return verdict(
                        Problem.CHECKPOINT_MISMATCH,
                        goodSize,
                        "events " + goodSize + ".." + (c.treeSize() - 1)
                                + " do not hash to the signed checkpoint of size " + c.treeSize()
                                + " (rewritten from position "
                                + goodSize + " or later)",
                        latest);
            }
            goodSize = c.treeSize();
            latest = c;
        }
        if (savedNote != null) {
            Verdict saved = checkSaved(savedNote, latest);
            if (saved != null) {
                return saved;
            }
        }
        return new Verdict(
                origin,
                tree.size(),
                null,
                -1,
                "ok: " + tree.size() + " events"
                        + (latest == null ? ", no checkpoint yet" : ", checkpoint " + latest.treeSize()),
                latest,
                tree.size() - goodSize);
    }

    /** The log's tree as read (for proofs against what was verified). */
    public AuditTree tree() {
        return tree;
    }

    private Verdict checkSaved(String savedNote, Checkpoint latest) {
        Checkpoint saved;
        try {
            saved = ownCheckpoint(AuditCheckpoints.open(savedNote, key));
        } catch (AuditFormatException e) {
            return verdict(Problem.BAD_CHECKPOINT, tree.size(), "the saved checkpoint: " + e.getMessage(), latest);
        }
        if (saved.treeSize() > tree.size()) {
            return verdict(
                    Problem.TRUNCATED,
                    tree.size(),
                    "the log ends at " + tree.size() + " events but the saved checkpoint covers " + saved.treeSize(),
                    latest);
        }
        if (!ConstantTime.equals(tree.root(saved.treeSize()), saved.rootHash())) {
            return verdict(
                    Problem.INCONSISTENT_WITH_SAVED,
                    0,
                    "the first " + saved.treeSize() + " events are not the ones the saved checkpoint commits to",
                    latest);
        }
        if (latest != null
                && latest.treeSize() >= saved.treeSize()
                && !AuditCheckpoints.verifyConsistency(
                        saved, latest, tree.consistencyProof(saved.treeSize(), latest.treeSize()))) {
            return verdict(
                    Problem.INCONSISTENT_WITH_SAVED,
                    saved.treeSize(),
                    "the newest checkpoint does not extend the saved one",
                    latest);
        }
        return null;
    }

    /** A break into the last event: blame it if a checkpoint shows the event before it intact. */
    private Verdict placeLastBreak(List<Checkpoint> checkpoints) {
        long bad = pendingBreak - 1;
        for (Checkpoint c : checkpoints) {
            if (c.treeSize() == pendingBreak && ConstantTime.equals(tree.root(c.treeSize()), c.rootHash())) {
                bad = pendingBreak;
            }
        }
        return verdict(Problem.CHAIN_BROKEN, bad, chainDetail(bad, bad == pendingBreak - 1), null);
    }

    private Checkpoint ownCheckpoint(Checkpoint c) throws AuditFormatException {
        if (!c.origin().equals(origin)) {
            throw new AuditFormatException("checkpoint is for " + c.origin() + ", not " + origin);
        }
        return c;
    }

    private String chainDetail(long bad, boolean bodyChanged) {
        return bodyChanged
                ? "position " + bad + ": the event's bytes are not the ones event " + (bad + 1) + " chains to (altered)"
                : "position " + bad + ": its prev is not the hash of event " + (bad - 1) + " (altered or replaced)";
    }

    private boolean fail(Problem p, long position, String detail) {
        failure = verdict(p, position, detail, null);
        return false;
    }

    private Verdict verdict(Problem p, long position, String detail, Checkpoint latest) {
        return new Verdict(origin, tree.size(), p, position, detail, latest, 0);
    }
}
