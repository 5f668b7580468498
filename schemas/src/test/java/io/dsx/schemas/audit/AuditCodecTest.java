package io.dsx.schemas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.note.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuditCodecTest {

    @Test
    void anEventRoundTripsThroughItsBytes() throws Exception {
        AuditChain.Appender appender = AuditChain.Appender.start(AuditLogFixture.ORIGIN);
        ChainedEvent written = appender.append(AuditLogFixture.event(1, "read"));
        ChainedEvent read = AuditCodec.decode(written.bytes());
        assertThat(read.event()).isEqualTo(written.event());
        assertThat(read.seq()).isZero();
        assertThat(read.prev()).isEqualTo(AuditChain.genesis(AuditLogFixture.ORIGIN));
        assertThat(AuditCodec.peekSeq(written.bytes())).isZero();
    }

    @Test
    void equalEventsHaveEqualBytesWhateverTheInputFormattingOrLabelOrder() {
        AuditDetail d =
                AuditDetail.of("request", "anonymous", AuditOutcome.REFUSED).withReason("invalid_token");
        AuditEvent a = new AuditEvent(
                "x",
                Instant.parse("2026-12-07T23:00:00.123456Z"),
                "",
                "{\"b\": 1, \"a\": [true]}",
                null,
                null,
                new TreeMap<>(Map.of("version", "1", "gateway", "g")),
                d);
        AuditEvent b = new AuditEvent(
                "x",
                Instant.parse("2026-12-07T23:00:00.123Z"),
                "",
                "{\"a\":[true],\"b\":1}",
                "null",
                null,
                new TreeMap<>(Map.of("gateway", "g", "version", "1")),
                d);
        byte[] prev = AuditChain.genesis("o");
        assertThat(AuditCodec.encode(0, prev, a).bytes())
                .isEqualTo(AuditCodec.encode(0, prev, b).bytes());
        assertThat(a.input()).isEqualTo("{\"a\":[true],\"b\":1}");
        assertThat(a.timestampText()).isEqualTo("2026-12-07T23:00:00.123Z");
    }

    @Test
    void bytesThatAreNotTheCanonicalEncodingAreRefused() {
        byte[] bytes = AuditChain.Appender.start("o")
                .append(AuditLogFixture.event(0, "read"))
                .bytes();
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> AuditCodec.decode(longer)).isInstanceOf(AuditFormatException.class);
        assertThatThrownBy(() -> AuditCodec.decode(new byte[] {2, 0})).isInstanceOf(AuditFormatException.class);
        assertThatThrownBy(() -> AuditCodec.decode(new byte[AuditLimits.MAX_EVENT_BYTES + 1]))
                .hasMessageContaining("at most");
    }

    @Test
    void subjectsServedHoldOnlyKeyedHashes() {
        AuditDetail d = AuditDetail.of("read", "job-1", AuditOutcome.ALLOWED);
        assertThatThrownBy(() -> d.withSubjectsServed(List.of("patient-123"))).hasMessageContaining("keyed hashes");
        assertThat(d.withSubjectsServed(List.of("0f".repeat(32))).subjectsServed())
                .hasSize(1);
    }

    @Test
    void everyPartIsBounded() {
        AuditDetail d = AuditDetail.of("read", "job-1", AuditOutcome.ALLOWED);
        assertThatThrownBy(() -> AuditDetail.of("read", "x".repeat(AuditLimits.MAX_TEXT + 1), AuditOutcome.ALLOWED))
                .hasMessageContaining("subject is longer");
        assertThatThrownBy(() -> AuditDetail.of("Bad Action", "s", AuditOutcome.ALLOWED))
                .hasMessageContaining("action");
        String deep = "[".repeat(AuditLimits.MAX_JSON_DEPTH + 2) + "]".repeat(AuditLimits.MAX_JSON_DEPTH + 2);
        assertThatThrownBy(() -> AuditEvent.action(Instant.EPOCH, deep, Map.of(), d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.action(Instant.EPOCH, "{not json", Map.of(), d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> d.withRelease(java.util.Collections.nCopies(AuditLimits.MAX_FIELDS + 1, "f"), 1L, null))
                .hasMessageContaining("fields");
    }

    @Test
    void inclusionAndConsistencyProofsVerifyForEveryEventAndSize() throws Exception {
        AuditLogFixture log = new AuditLogFixture(13, 13);
        AuditTree tree = new AuditTree();
        log.events.forEach(tree::append);
        Checkpoint full = AuditCheckpoints.open(log.checkpoints.get(0), AuditLogFixture.VERIFIER);
        for (int i = 0; i < 13; i++) {
            assertThat(AuditCheckpoints.verifyInclusion(log.events.get(i), i, tree.inclusionProof(i, 13), full))
                    .isTrue();
            assertThat(AuditCheckpoints.verifyInclusion(
                            log.events.get((i + 1) % 13), i, tree.inclusionProof(i, 13), full))
                    .isFalse();
        }
        for (int m = 1; m <= 13; m++) {
            Checkpoint older = new Checkpoint(AuditLogFixture.ORIGIN, m, tree.root(m));
            assertThat(AuditCheckpoints.verifyConsistency(older, full, tree.consistencyProof(m, 13)))
                    .isTrue();
        }
    }
}
