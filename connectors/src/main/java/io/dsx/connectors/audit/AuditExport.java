package io.dsx.connectors.audit;

import io.dsx.crypto.CryptoException;
import io.dsx.crypto.note.NoteVerifierKey;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An export directory (docs/auditing.md, "The export directory"), read side:
 * <pre>
 * verifier.key                      the audit key's C2SP note verifier key text
 * logs/&lt;partition&gt;/events.ndjson    {"seq":n,"event":"&lt;base64 of the event's bytes&gt;"} per line, in seq order
 * logs/&lt;partition&gt;/checkpoints.txt  signed checkpoint notes ({@link CheckpointNotes})
 * policies/sha256-&lt;hex&gt;.json        each policy revision a decision names, as kept on dsx.policies
 * </pre>
 * Nothing here is trusted: every check is the verifier's, every size is bounded.
 */
public final class AuditExport {
    public static final String VERIFIER_KEY = "verifier.key";
    public static final String LOGS = "logs";
    public static final String EVENTS = "events.ndjson";
    public static final String CHECKPOINTS = "checkpoints.txt";
    public static final String POLICIES = "policies";

    private static final Pattern PARTITION = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final Pattern REVISION = Pattern.compile("sha256:[0-9a-f]{64}");

    private final Path dir;
    private final List<Integer> partitions;

    private AuditExport(Path dir, List<Integer> partitions) {
        this.dir = dir;
        this.partitions = List.copyOf(partitions);
    }

    /** Opens {@code dir}, checking its layout (not its contents). */
    public static AuditExport open(Path dir) throws AuditToolException {
        Path logs = dir.resolve(LOGS);
        if (!Files.isDirectory(logs) || !Files.isRegularFile(dir.resolve(VERIFIER_KEY))) {
            throw new AuditToolException(dir + " is not an audit export (no " + LOGS + "/ or " + VERIFIER_KEY
                    + "; write one with dsx audit export)");
        }
        List<Integer> partitions = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(logs)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!PARTITION.matcher(name).matches() || !Files.isDirectory(p)) {
                    throw new AuditToolException(logs + " holds " + printable(name)
                            + ", which is not a log (logs are directories named by partition number)");
                }
                if (partitions.size() >= ExportLimits.MAX_LOGS) {
                    throw new AuditToolException(logs + " holds more than " + ExportLimits.MAX_LOGS + " logs");
                }
                partitions.add(Integer.parseInt(name));
            }
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + logs + ": " + e.getClass().getSimpleName(), e);
        }
        partitions.sort(null);
        return new AuditExport(dir, partitions);
    }

    public Path dir() {
        return dir;
    }

    /** The logs' partitions, ascending. */
    public List<Integer> partitions() {
        return partitions;
    }

    /** The verifier key the export carries (as the gateway published it: check it against one got elsewhere). */
    public NoteVerifierKey verifierKey() throws AuditToolException {
        return readKey(dir.resolve(VERIFIER_KEY));
    }

    /** A note verifier key from a file holding its text. */
    public static NoteVerifierKey readKey(Path file) throws AuditToolException {
        String text = readBounded(file, ExportLimits.MAX_KEY_CHARS).strip();
        try {
            return NoteVerifierKey.parse(text);
        } catch (CryptoException | RuntimeException e) {
            throw new AuditToolException(file + " does not hold a note verifier key (name+keyid+base64)");
        }
    }

    /** The events of one log, in file order. */
    public EventReader events(int partition) throws AuditToolException {
        return EventReader.open(logDir(partition).resolve(EVENTS), partition);
    }

    /** The signed checkpoint notes of one log (none if the file is absent). */
    public List<String> checkpoints(int partition) throws AuditToolException {
        Path file = logDir(partition).resolve(CHECKPOINTS);
        if (!Files.exists(file)) {
            return List.of();
        }
        return readNotes(file);
    }

    /** The notes of a checkpoints file ({@link CheckpointNotes}). */
    public static List<String> readNotes(Path file) throws AuditToolException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CheckpointNotes.parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new AuditToolException(file + " does not exist");
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Where the bundle of policy {@code revision} is kept, or AuditToolException for a revision that is not one. */
    public Path policyFile(String revision) throws AuditToolException {
        return dir.resolve(POLICIES).resolve(policyFileName(revision));
    }

    /** {@code sha256:<hex>} as a file name: {@code sha256-<hex>.json}. */
    public static String policyFileName(String revision) throws AuditToolException {
        if (revision == null || !REVISION.matcher(revision).matches()) {
            throw new AuditToolException(
                    "policy revision " + printable(String.valueOf(revision)) + " is not sha256:<64 hex>");
        }
        return "sha256-" + revision.substring("sha256:".length()) + ".json";
    }

    private Path logDir(int partition) throws AuditToolException {
        if (!partitions.contains(partition)) {
            throw new AuditToolException(dir + " has no log " + partition);
        }
        return dir.resolve(LOGS).resolve(Integer.toString(partition));
    }

    static String readBounded(Path file, int maxChars) throws AuditToolException {
        try {
            if (Files.size(file) > maxChars * 4L) {
                throw new AuditToolException(file + " is larger than " + maxChars + " characters");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.length() > maxChars) {
                throw new AuditToolException(file + " is larger than " + maxChars + " characters");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new AuditToolException(file + " does not exist");
        } catch (IOException e) {
            throw new AuditToolException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Text from an export shown in a message: no control characters, at most 80 characters. */
    static String printable(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
