package io.dsx.connectors.cli;

import io.dsx.connectors.contributor.SealedContribution;
import io.dsx.crypto.hash.Hex;
import io.dsx.schemas.envelope.ContributionEnvelope;
import io.dsx.schemas.envelope.EnvelopeLimits;
import io.dsx.schemas.envelope.EnvelopeResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code dsx contribute} has sent from one input to one dataset, so that running the same command
 * again after an interruption resumes instead of sending records twice. One journal per (dataset,
 * schema version, input bytes, mapping, batch limits) — the things that fix the batches — in
 * {@code <receipts>/.dsx-journal/<id>.log}, one line per step:
 * <ul>
 *   <li>{@code pending <firstLine> <lastLine> <contributionId>}, written (with the sealed envelope in
 *       {@code <contributionId>.envelope}) before the envelope is sent;</li>
 *   <li>{@code done <firstLine> <lastLine> <contributionId>}, written after its receipt is kept.</li>
 * </ul>
 * A batch that is done is skipped; a pending one is sent again byte for byte, so the gateway answers
 * with the first receipt if it had accepted it (same contribution id), or accepts it now. Envelopes are
 * signed and sealed to the gateway: they hold no plaintext.
 */
final class Journal {
    private static final Pattern LINE = Pattern.compile("(pending|done) (\\d+) (\\d+) ([0-9a-f-]{36})");

    record Entry(boolean done, String contributionId) {}

    private final Path dir;
    private final Path log;
    private final Map<String, Entry> byLines = new HashMap<>();

    private Journal(Path dir, Path log) {
        this.dir = dir;
        this.log = log;
    }

    /** The journal of this run's batches, with what earlier runs recorded in it. */
    static Journal open(Path receipts, Path input, List<String> identity) throws IOException {
        MessageDigest sha = sha256();
        for (String part : identity) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        try (InputStream in = Files.newInputStream(input)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        Path dir = receipts.resolve(".dsx-journal");
        Journal journal = new Journal(dir, dir.resolve(Hex.encode(sha.digest()).substring(0, 32) + ".log"));
        if (Files.exists(journal.log)) {
            for (String line : Files.readAllLines(journal.log, StandardCharsets.UTF_8)) {
                var m = LINE.matcher(line);
                if (m.matches()) { // a torn last line (crash while writing it) is ignored
                    journal.byLines.put(
                            m.group(2) + "-" + m.group(3), new Entry(m.group(1).equals("done"), m.group(4)));
                }
            }
        }
        return journal;
    }

    Path file() {
        return log;
    }

    /** What an earlier run did with the batch of these lines, or null. */
    Entry get(long firstLine, long lastLine) {
        return byLines.get(firstLine + "-" + lastLine);
    }

    /** Keeps the envelope, then records that it is about to be sent. */
    void pending(long firstLine, long lastLine, SealedContribution sealed) throws IOException {
        String id = sealed.contributionId();
        Files.createDirectories(dir);
        Files.write(
                dir.resolve(id + ".envelope"),
                sealed.bytes(),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        append("pending " + firstLine + " " + lastLine + " " + id);
    }

    /** The envelope kept for a pending batch, or null if it is gone or unreadable. */
    SealedContribution envelope(String contributionId) throws IOException {
        Path file = dir.resolve(contributionId + ".envelope");
        if (!Files.exists(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        EnvelopeResult<ContributionEnvelope> parsed = ContributionEnvelope.parse(bytes, EnvelopeLimits.DEFAULT);
        return parsed.isOk() && parsed.value().manifest().contributionId().equals(contributionId)
                ? new SealedContribution(parsed.value(), bytes)
                : null;
    }

    /** Records that the batch's receipt is kept, and drops its envelope. */
    void done(long firstLine, long lastLine, String contributionId) throws IOException {
        append("done " + firstLine + " " + lastLine + " " + contributionId);
        Files.deleteIfExists(dir.resolve(contributionId + ".envelope"));
    }

    private synchronized void append(String line) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                log,
                line + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
