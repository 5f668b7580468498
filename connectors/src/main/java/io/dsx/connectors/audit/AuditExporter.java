package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.connectors.contributor.GatewayClient;
import io.dsx.connectors.contributor.GatewayException;
import io.dsx.connectors.source.BoundedLineReader;
import io.dsx.crypto.CryptoException;
import io.dsx.crypto.note.Checkpoint;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditCodec;
import io.dsx.schemas.audit.AuditFormatException;
import io.dsx.schemas.audit.ChainedEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes an export directory ({@link AuditExport}) from a gateway's auditor API (docs/api.md): the
 * verifier key, every log's events (pages of {@link #PAGE} from seq 0 until an empty page) and signed
 * checkpoints, and every policy revision a decision names. Everything is written under
 * {@code <out>.partial} and renamed to {@code out} at the end, so a directory named {@code out} is always
 * a whole export. Every answer is bounded ({@link ExportLimits}).
 */
public final class AuditExporter {
    /** Events asked for per page. */
    static final int PAGE = 1_000;

    private static final int PAGE_RETRIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was exported. */
    public record Summary(int logs, long events, int checkpoints, int policies) {}

    private AuditExporter() {}

    public static Summary export(GatewayClient gateway, Path out, ProgressListener progress)
            throws AuditToolException, GatewayException {
        if (Files.exists(out) && !isEmptyDir(out)) {
            throw new AuditToolException(out + " exists and is not an empty directory");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp.resolve(AuditExport.LOGS));
            Files.createDirectories(tmp.resolve(AuditExport.POLICIES));
            JsonNode logs = json(gateway, "/v1/audit/logs");
            NoteVerifierKey key = key(logs.path("verifierKey"));
            Files.writeString(tmp.resolve(AuditExport.VERIFIER_KEY), key + "\n", StandardCharsets.UTF_8);
            JsonNode list = logs.path("logs");
            if (!list.isArray() || list.size() > ExportLimits.MAX_LOGS) {
                throw new AuditToolException(
                        "the gateway's log list is not an array of at most " + ExportLimits.MAX_LOGS);
            }
            Set<String> revisions = new TreeSet<>();
            long events = 0;
            int checkpoints = 0;
            for (JsonNode log : list) {
                int partition = log.path("partition").asInt(-1);
                if (partition < 0 || !log.path("partition").isInt()) {
                    throw new AuditToolException("the gateway's log list names a partition that is not a number >= 0");
                }
                Path dir = Files.createDirectories(tmp.resolve(AuditExport.LOGS).resolve(Integer.toString(partition)));
                long size = log.path("size").asLong(-1);
                Path file = dir.resolve(AuditExport.EVENTS);
                long exported = events(gateway, partition, 0, size, file, revisions, progress);
                List<String> notes = checkpoints(gateway, partition, key);
                long covered =
                        notes.stream().mapToLong(AuditExporter::size).max().orElse(0);
                if (covered > exported) {
                    // the log grew while it was exported and a newer checkpoint covers events not yet
                    // fetched: fetch them (a log really shorter than its checkpoint stays so, and verify
                    // reports it truncated)
                    exported = events(gateway, partition, exported, covered, file, revisions, progress);
                }
                events += exported;
                checkpoints += notes.size();
                Files.writeString(
                        dir.resolve(AuditExport.CHECKPOINTS), CheckpointNotes.format(notes), StandardCharsets.UTF_8);
            }
            for (String revision : revisions) {
                byte[] bundle = bounded(
                        gateway,
                        "/v1/audit/policies/" + GatewayClient.segment(revision),
                        "application/json, application/gzip",
                        ExportLimits.MAX_POLICY_BYTES);
                Files.write(tmp.resolve(AuditExport.POLICIES).resolve(AuditExport.policyFileName(revision)), bundle);
            }
            if (Files.exists(out)) {
                Files.delete(out);
            }
            Files.move(tmp, out);
            return new Summary(list.size(), events, checkpoints, revisions.size());
        } catch (IOException e) {
            throw new AuditToolException("cannot write the export under " + tmp + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pages of events from seq {@code from} on, appended to {@code file}, until an empty page; a page cut
     * short is asked for again from where it stopped. Returns the seq after the last event.
     */
    private static long events(
            GatewayClient gateway,
            int partition,
            long from,
            long size,
            Path file,
            Set<String> revisions,
            ProgressListener progress)
            throws IOException, AuditToolException, GatewayException {
        long[] next = {from};
        String phase = "export log " + partition;
        try (BufferedWriter w = Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            int failures = 0;
            while (true) {
                long before = next[0];
                int got;
                try {
                    got = gateway.getStream(
                            "/v1/audit/logs/" + partition + "/events?from=" + next[0] + "&limit=" + PAGE,
                            "application/x-ndjson",
                            body -> page(body, partition, next, w, revisions));
                } catch (GatewayException e) {
                    if (!e.code().equals(GatewayException.UNREACHABLE) || ++failures > PAGE_RETRIES) {
                        throw e;
                    }
                    continue;
                }
                progress.progress(phase, next[0], size);
                if (got == 0 && next[0] == before) {
                    return next[0];
                }
            }
        }
    }

    private static int page(InputStream body, int partition, long[] next, BufferedWriter w, Set<String> revisions)
            throws IOException, GatewayException {
        BoundedLineReader lines = new BoundedLineReader(
                new InputStreamReader(body, StandardCharsets.UTF_8), ExportLimits.MAX_EVENT_LINE_CHARS);
        int n = 0;
        for (BoundedLineReader.Line l = lines.next(); l != null; l = lines.next()) {
            if (l.text().isBlank() && !l.tooLong()) {
                continue;
            }
            String where = "log " + partition + " seq " + next[0];
            if (l.tooLong() || ++n > PAGE) {
                throw contract(where + ": an event line or page longer than the API allows");
            }
            byte[] bytes;
            JsonNode seq;
            try {
                bytes = EventReader.eventBytes(l.text(), where);
                seq = JSON.readTree(l.text()).get("seq");
            } catch (AuditToolException e) {
                throw contract(e.getMessage());
            }
            if (seq == null || !seq.canConvertToLong() || seq.asLong() != next[0]) {
                throw contract(where + ": the gateway sent another seq (events must come in order, none skipped)");
            }
            if (next[0] >= ExportLimits.MAX_EVENTS_PER_LOG) {
                throw contract("log " + partition + " holds more than " + ExportLimits.MAX_EVENTS_PER_LOG + " events");
            }
            w.write("{\"seq\":" + next[0] + ",\"event\":\""
                    + Base64.getEncoder().encodeToString(bytes) + "\"}\n");
            next[0]++;
            revision(bytes, revisions);
        }
        return n;
    }

    /** Notes the policy revision of a decision event; events that do not decode are left to verify. */
    private static void revision(byte[] bytes, Set<String> revisions) throws GatewayException {
        try {
            ChainedEvent e = AuditCodec.decode(bytes);
            if (e.event().isDecision()
                    && revisions.add(e.event().bundleRevision())
                    && revisions.size() > ExportLimits.MAX_POLICIES) {
                throw contract("decisions name more than " + ExportLimits.MAX_POLICIES + " policy revisions");
            }
        } catch (AuditFormatException malformed) {
            // exported as it is: dsx audit verify names it
        }
    }

    private static List<String> checkpoints(GatewayClient gateway, int partition, NoteVerifierKey key)
            throws GatewayException, AuditToolException {
        List<String> notes = new ArrayList<>();
        long from = 0;
        while (true) {
            JsonNode answer = json(gateway, "/v1/audit/logs/" + partition + "/checkpoints?from=" + from);
            JsonNode list = answer.path("checkpoints");
            if (!list.isArray()) {
                throw new AuditToolException("the gateway's checkpoint list of log " + partition + " is not an array");
            }
            long last = -1;
            for (JsonNode n : list) {
                String note = n.asText("");
                if (!n.isTextual() || note.length() > AuditCheckpoints.MAX_NOTE_CHARS) {
                    throw new AuditToolException("log " + partition + ": a checkpoint that is not a note of at most "
                            + AuditCheckpoints.MAX_NOTE_CHARS + " characters");
                }
                if (notes.size() >= ExportLimits.MAX_CHECKPOINTS_PER_LOG) {
                    throw new AuditToolException("log " + partition + " has more than "
                            + ExportLimits.MAX_CHECKPOINTS_PER_LOG + " checkpoints");
                }
                notes.add(note);
                last = Math.max(last, size(note));
            }
            if (list.isEmpty() || last < from) {
                return notes;
            }
            from = last + 1;
        }
    }

    /** The tree size a note states (unverified; verify checks the signature), or -1. */
    private static long size(String note) {
        try {
            return Checkpoint.parse(note.substring(0, Math.max(0, note.indexOf("\n\n") + 1)))
                    .treeSize();
        } catch (CryptoException | RuntimeException e) {
            return -1;
        }
    }

    private static NoteVerifierKey key(JsonNode text) throws AuditToolException {
        if (!text.isTextual() || text.asText().length() > ExportLimits.MAX_KEY_CHARS) {
            throw new AuditToolException("the gateway published no verifier key");
        }
        try {
            return NoteVerifierKey.parse(text.asText());
        } catch (CryptoException | RuntimeException e) {
            throw new AuditToolException("the gateway's verifier key is not a note verifier key");
        }
    }

    private static JsonNode json(GatewayClient gateway, String path) throws GatewayException, AuditToolException {
        byte[] body = bounded(gateway, path, "application/json", ExportLimits.MAX_JSON_ANSWER_BYTES);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AuditToolException("not JSON from " + path);
        }
    }

    private static byte[] bounded(GatewayClient gateway, String path, String accept, int max)
            throws GatewayException, AuditToolException {
        byte[] body = gateway.getStream(path, accept, in -> in.readNBytes(max + 1));
        if (body.length > max) {
            throw new AuditToolException("the answer to " + path + " is larger than " + max + " bytes");
        }
        return body;
    }

    private static GatewayException contract(String detail) {
        return new GatewayException(0, "bad_answer", detail);
    }

    private static boolean isEmptyDir(Path p) throws AuditToolException {
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
