package io.dsx.schemas.audit;

import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.crypto.sign.SigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A log of n events with a signed checkpoint every {@code every} events and one at the end. */
final class AuditLogFixture {
    static final String KEY_NAME = "dsx.test/audit";
    static final String ORIGIN = AuditCheckpoints.origin(KEY_NAME, 0);
    static final SigningKey KEY = SigningKey.ed25519FromSeed(filled(0x55));
    static final SigningKey OTHER_KEY = SigningKey.ed25519FromSeed(filled(0x66));
    static final NoteVerifierKey VERIFIER = NoteVerifierKey.of(KEY_NAME, raw(KEY));

    final List<byte[]> events = new ArrayList<>();
    final List<String> checkpoints = new ArrayList<>();

    AuditLogFixture(int n, int every) {
        AuditChain.Appender appender = AuditChain.Appender.start(ORIGIN);
        AuditTree tree = new AuditTree();
        for (int i = 0; i < n; i++) {
            byte[] bytes = appender.append(event(i, "read")).bytes();
            events.add(bytes);
            tree.append(bytes);
            if ((i + 1) % every == 0 || i == n - 1) {
                checkpoints.add(AuditCheckpoints.sign(ORIGIN, tree.size(), tree.root(), KEY_NAME, KEY));
            }
        }
    }

    static AuditEvent event(int i, String action) {
        AuditDetail d = AuditDetail.of(
                        action, "researcher-" + (i % 3), i % 4 == 0 ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                .withSubjectKind("researcher", "uni-" + (i % 2))
                .withDataset("visits")
                .withRelease(List.of("age", "diagnosis"), (long) i, null)
                .withGrant("grant-" + i, "job-" + i);
        return new AuditEvent(
                "decision-" + i,
                Instant.parse("2026-12-07T22:00:00Z").plusSeconds(i),
                "dsx/read/decision",
                "{\"action\":\"read\",\"n\":" + i + "}",
                "{\"allow\":" + (i % 4 != 0) + "}",
                "sha256:" + "cd".repeat(32),
                new TreeMap<>(Map.of("gateway", "gw-1", "version", "test")),
                d);
    }

    static List<byte[]> copy(List<byte[]> events) {
        List<byte[]> out = new ArrayList<>();
        events.forEach(e -> out.add(e.clone()));
        return out;
    }

    static Verdict verify(List<byte[]> events, List<String> checkpoints, String saved, boolean decode) {
        AuditVerifier v = new AuditVerifier(ORIGIN, VERIFIER, decode);
        for (byte[] e : events) {
            if (!v.accept(e)) {
                break;
            }
        }
        return v.finish(checkpoints, saved);
    }

    static byte[] raw(SigningKey key) {
        byte[] spki = key.publicKey().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
