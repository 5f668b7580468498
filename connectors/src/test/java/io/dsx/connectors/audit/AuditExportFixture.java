package io.dsx.connectors.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsx.crypto.hash.Hex;
import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.crypto.sign.SigningKey;
import io.dsx.policy.Policy;
import io.dsx.policy.bundle.Bundle;
import io.dsx.policy.decision.DecisionPoint;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Json;
import io.dsx.schemas.audit.AuditChain;
import io.dsx.schemas.audit.AuditCheckpoints;
import io.dsx.schemas.audit.AuditDetail;
import io.dsx.schemas.audit.AuditEvent;
import io.dsx.schemas.audit.AuditOutcome;
import io.dsx.schemas.audit.AuditTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A realistic audit log of one gateway, written as an export directory: real read decisions of a small
 * Rego bundle (so replay re-derives them), record releases with keyed subject hashes, refusals, signed
 * checkpoints every {@link #EVERY} events and at the end. Tests change {@link #events} or
 * {@link #checkpoints} before {@link #write}.
 *
 * <p>Events, in order, for i = 0..{@link #READS}-1: a read decision of job-(i%2+1) under grant-(i%2+1)
 * (institution uni-a for even i, uni-b for odd i; allowed), then the release of its page (3 records,
 * subjects patient-7 (only for i = 0 and 1), patient-(i+10), patient-(i+20)). Then one refused read.
 */
public final class AuditExportFixture {
    public static final String KEY_NAME = "dsx.test/audit";
    public static final String ORIGIN = AuditCheckpoints.origin(KEY_NAME, 0);
    public static final SigningKey KEY = SigningKey.ed25519FromSeed(filled(0x55));
    public static final NoteVerifierKey VERIFIER = NoteVerifierKey.of(KEY_NAME, raw(KEY));
    public static final SigningKey OTHER_KEY = SigningKey.ed25519FromSeed(filled(0x66));
    public static final int READS = 6;
    public static final int EVERY = 4;
    public static final String DATASET = "visits";
    public static final String SUBJECT = "patient-7";
    /** The subject-hash key of {@link #DATASET} (the gateway derives it from its secret). */
    public static final byte[] SUBJECT_KEY = filled(0x77);

    public static final String RULES = """
            package dsx.read

            import rego.v1

            default decision := {"allow": false, "fields": [], "reasons": ["institution not admitted"]}

            decision := {"allow": true, "fields": input.resource.fields_requested, "reasons": ["admitted"]} if {
            	input.subject.institution in data.admitted
            }
            """;

    public final List<byte[]> events = new ArrayList<>();
    public final List<String> checkpoints = new ArrayList<>();
    public final Map<String, String> bundleFiles;
    public final String revision;

    public AuditExportFixture() {
        this(bundle("[\"uni-a\", \"uni-b\"]"));
    }

    public AuditExportFixture(Map<String, String> bundleFiles) {
        this(bundleFiles, -1);
    }

    /** A log whose read {@code lyingRead} records a deny its policy does not give (the chain is intact). */
    public AuditExportFixture(Map<String, String> bundleFiles, int lyingRead) {
        this.bundleFiles = bundleFiles;
        Bundle bundle = Bundle.of(bytes(bundleFiles));
        this.revision = bundle.revision();
        Policy policy = Policy.fromBundle(bundle);
        List<AuditEvent> plain = new ArrayList<>();
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        for (int i = 0; i < READS; i++) {
            Instant at = t0.plusSeconds(86_400L * (i / 2) + i);
            String job = "job-" + (i % 2 + 1);
            String grant = "grant-" + (i % 2 + 1);
            String institution = i % 2 == 0 ? "uni-a" : "uni-b";
            String input = "{\"action\":\"read\",\"subject\":{\"id\":\"" + job
                    + "\",\"kind\":\"job\",\"institution\":\""
                    + institution
                    + "\"},\"resource\":{\"dataset\":{\"id\":\"visits\"},\"fields_requested\":[\"age\",\"ward\"]},"
                    + "\"context\":{\"time\":\"" + at + "\",\"purpose\":{\"code\":\"DUO:0000042\"},\"grant\":{\"id\":\""
                    + grant + "\"}}}";
            String result = Json.write(
                    DecisionPoint.of(policy, () -> EvalOptions.defaults().withStrict(true))
                            .decide("read", Json.parse(input))
                            .toValue());
            if (i == lyingRead) {
                result =
                        "{\"allow\":false,\"fields\":[],\"obligations\":{},\"reasons\":[\"institution not admitted\"]}";
            }
            AuditDetail decided = AuditDetail.of("read", job, AuditOutcome.ALLOWED)
                    .withSubjectKind("job", institution)
                    .withDataset(DATASET)
                    .withGrant(grant, job);
            plain.add(new AuditEvent(
                    "decision-" + i,
                    at,
                    "data.dsx.read.decision",
                    input,
                    result,
                    revision,
                    new TreeMap<>(labels()),
                    decided));
            List<String> served = new ArrayList<>();
            if (i < 2) {
                served.add(subjectHash(DATASET, SUBJECT));
            }
            served.add(subjectHash(DATASET, "patient-" + (i + 10)));
            served.add(subjectHash(DATASET, "patient-" + (i + 20)));
            AuditDetail page = decided.withRelease(
                            List.of("age", "ward"), 3L, "{\"0\":[" + i * 3 + "," + (i * 3 + 2) + "]}")
                    .withSubjectsServed(served);
            plain.add(AuditEvent.action(at.plusMillis(5), "{\"page\":" + i + "}", labels(), page));
        }
        AuditDetail refused = AuditDetail.of("read", "job-9", AuditOutcome.REFUSED)
                .withDataset(DATASET)
                .withReason("the job token has expired");
        plain.add(AuditEvent.action(t0.plusSeconds(86_400L * 3), "{}", labels(), refused));
        chain(plain);
    }

    /** A log of these events, decided under the bundle of {@code bundleFiles} (its revision). */
    public AuditExportFixture(List<AuditEvent> plain, Map<String, String> bundleFiles) {
        this.bundleFiles = bundleFiles;
        this.revision = Bundle.of(bytes(bundleFiles)).revision();
        chain(plain);
    }

    private void chain(List<AuditEvent> plain) {
        AuditChain.Appender appender = AuditChain.Appender.start(ORIGIN);
        AuditTree tree = new AuditTree();
        for (int i = 0; i < plain.size(); i++) {
            byte[] b = appender.append(plain.get(i)).bytes();
            events.add(b);
            tree.append(b);
            if ((i + 1) % EVERY == 0 || i == plain.size() - 1) {
                checkpoints.add(AuditCheckpoints.sign(ORIGIN, tree.size(), tree.root(), KEY_NAME, KEY));
            }
        }
    }

    /** The test bundle admitting these institutions (a JSON array). */
    public static Map<String, String> bundle(String admitted) {
        Map<String, String> files = new TreeMap<>();
        files.put("/dsx/read.rego", RULES);
        files.put("/data.json", "{\"admitted\":" + admitted + "}");
        return files;
    }

    /** The export directory of this log: dir/logs/0/..., verifier.key, policies/. */
    public Path write(Path dir) throws IOException {
        Path log = Files.createDirectories(dir.resolve("logs/0"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            lines.append("{\"seq\":")
                    .append(i)
                    .append(",\"event\":\"")
                    .append(Base64.getEncoder().encodeToString(events.get(i)))
                    .append("\"}\n");
        }
        Files.writeString(log.resolve("events.ndjson"), lines);
        Files.writeString(log.resolve("checkpoints.txt"), CheckpointNotes.format(checkpoints));
        Files.writeString(dir.resolve("verifier.key"), VERIFIER + "\n");
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.write(policies.resolve("sha256-" + revision.substring(7) + ".json"), policyRecord(bundleFiles, revision));
        return dir;
    }

    /** A bundle as a directory, for --bundle. */
    public static Path writeBundle(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey().substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir;
    }

    /** The dsx.policies record (docs/formats.md) of a bundle. */
    public static byte[] policyRecord(Map<String, String> files, String revision) throws IOException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", 1);
        v.put("revision", revision);
        v.put("published_at", "2026-12-01T08:00:00Z");
        v.put("gateway", "gw-1");
        v.put("files", files);
        return new ObjectMapper().writeValueAsBytes(v);
    }

    public static String subjectHash(String dataset, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SUBJECT_KEY, "HmacSHA256"));
            mac.update(dataset.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Hex.encode(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> labels() {
        return Map.of("gateway", "gw-1", "version", "test");
    }

    public static Map<String, byte[]> bytes(Map<String, String> files) {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    public static byte[] raw(SigningKey key) {
        byte[] spki = key.publicKey().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    public static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
