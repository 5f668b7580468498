package io.dsx.schemas.audit;

import static io.dsx.schemas.audit.AuditLogFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.crypto.note.NoteVerifierKey;
import io.dsx.schemas.audit.Verdict.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every tampering of DESIGN invariant 6 against a 10-event log with checkpoints at 3, 6, 9 and 10. */
class AuditVerifierTest {
    private final AuditLogFixture log = new AuditLogFixture(10, 3);

    @Test
    void untouchedLogVerifiesClean() {
        Verdict v = verify(log.events, log.checkpoints, log.checkpoints.get(1), true);
        assertThat(v.ok()).as(v.detail()).isTrue();
        assertThat(v.firstBadPosition()).isEqualTo(-1);
        assertThat(v.latest().treeSize()).isEqualTo(10);
        assertThat(v.uncovered()).isZero();
    }

    @Test
    void flippingAnyBitOfAnyByteOfAnyEventIsDetectedAtThatEvent() {
        for (int i = 0; i < log.events.size(); i++) {
            for (int b = 0; b < log.events.get(i).length; b++) {
                List<byte[]> events = AuditLogFixture.copy(log.events);
                events.get(i)[b] ^= 0x01;
                Verdict v = verify(events, log.checkpoints, null, false);
                assertThat(v.ok()).as("event %d byte %d", i, b).isFalse();
                assertThat(v.firstBadPosition())
                        .as("event %d byte %d: %s", i, b, v.detail())
                        .isEqualTo(i);
            }
        }
    }

    @Test
    void flippingAByteIsAlsoDetectedWhenEventsAreDecoded() {
        List<byte[]> events = AuditLogFixture.copy(log.events);
        events.get(4)[events.get(4).length - 5] ^= 0x20;
        Verdict v = verify(events, log.checkpoints, null, true);
        assertThat(v.firstBadPosition()).isEqualTo(4);
    }

    @Test
    void deletingAnyEventIsDetectedWhereItWas() {
        for (int i = 0; i < log.events.size(); i++) {
            List<byte[]> events = AuditLogFixture.copy(log.events);
            events.remove(i);
            Verdict v = verify(events, log.checkpoints, null, false);
            assertThat(v.problem()).as("deleted %d", i).isIn(Problem.SEQUENCE_BROKEN, Problem.TRUNCATED);
            assertThat(v.firstBadPosition()).as("deleted %d: %s", i, v.detail()).isEqualTo(i);
        }
    }

    @Test
    void swappingAnyTwoEventsIsDetectedAtTheFirstOfThem() {
        for (int i = 0; i < log.events.size(); i++) {
            for (int j = i + 1; j < log.events.size(); j++) {
                List<byte[]> events = AuditLogFixture.copy(log.events);
                Collections.swap(events, i, j);
                Verdict v = verify(events, log.checkpoints, null, false);
                assertThat(v.problem()).isEqualTo(Problem.SEQUENCE_BROKEN);
                assertThat(v.firstBadPosition()).as("swapped %d and %d", i, j).isEqualTo(i);
            }
        }
    }

    @Test
    void truncatingTheLogIsDetectedAtTheFirstMissingPosition() {
        for (int k = 0; k < log.events.size(); k++) {
            Verdict v = verify(log.events.subList(0, k), log.checkpoints, null, false);
            assertThat(v.problem()).isEqualTo(Problem.TRUNCATED);
            assertThat(v.firstBadPosition()).isEqualTo(k);
        }
    }

    @Test
    void truncatingTheLogAndItsCheckpointsIsDetectedAgainstTheSavedCheckpoint() {
        Verdict v = verify(log.events.subList(0, 4), log.checkpoints.subList(0, 1), log.checkpoints.get(1), false);
        assertThat(v.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(v.firstBadPosition()).isEqualTo(4);
    }

    @Test
    void rewritingFromAnyPointWithAFreshValidChainIsDetectedWithinTheCheckpointInterval() {
        long[] sizes = {0, 3, 6, 9, 10};
        for (int k = 0; k < log.events.size(); k++) {
            List<byte[]> events = rewrittenFrom(k);
            Verdict v = verify(events, log.checkpoints, null, true);
            assertThat(v.problem()).as("rewritten from %d", k).isEqualTo(Problem.CHECKPOINT_MISMATCH);
            long expected = 0;
            for (long s : sizes) {
                if (s <= k) {
                    expected = s;
                }
            }
            assertThat(v.firstBadPosition())
                    .as("rewritten from %d: %s", k, v.detail())
                    .isEqualTo(expected);
        }
    }

    @Test
    void rewritingFromACheckpointBoundaryNamesTheExactPosition() {
        Verdict v = verify(rewrittenFrom(6), log.checkpoints, null, false);
        assertThat(v.firstBadPosition()).isEqualTo(6);
        assertThat(v.detail()).contains("rewritten from position 6");
    }

    @Test
    void aRewrittenLogWithoutItsCheckpointsIsInconsistentWithTheSavedOne() {
        Verdict v = verify(rewrittenFrom(2), List.of(), log.checkpoints.get(1), false);
        assertThat(v.problem()).isEqualTo(Problem.INCONSISTENT_WITH_SAVED);
    }

    @Test
    void aForgedOrForeignCheckpointIsRefused() {
        List<String> forged = new ArrayList<>(log.checkpoints);
        forged.set(
                2,
                forged.get(2)
                        .replace(
                                forged.get(2)
                                        .substring(
                                                forged.get(2).length() - 6,
                                                forged.get(2).length() - 2),
                                "AAAA"));
        assertThat(verify(log.events, forged, null, false).problem()).isEqualTo(Problem.BAD_CHECKPOINT);

        AuditTree tree = new AuditTree();
        log.events.forEach(tree::append);
        String foreign = AuditCheckpoints.sign(
                AuditLogFixture.ORIGIN, 10, tree.root(), AuditLogFixture.KEY_NAME, AuditLogFixture.OTHER_KEY);
        assertThat(verify(log.events, List.of(foreign), null, false).problem()).isEqualTo(Problem.BAD_CHECKPOINT);
    }

    @Test
    void anEventMovedFromAnotherLogBreaksTheChainAtZero() {
        AuditChain.Appender other = AuditChain.Appender.start(AuditCheckpoints.origin(AuditLogFixture.KEY_NAME, 1));
        List<byte[]> events = AuditLogFixture.copy(log.events);
        events.set(0, other.append(AuditLogFixture.event(0, "read")).bytes());
        Verdict v = verify(events, List.of(), null, false);
        assertThat(v.problem()).isEqualTo(Problem.CHAIN_BROKEN);
        assertThat(v.firstBadPosition()).isZero();
    }

    @Test
    void eventsAfterTheLatestCheckpointAreReportedAsUncovered() {
        AuditLogFixture longer = new AuditLogFixture(10, 3);
        Verdict v = verify(longer.events, longer.checkpoints.subList(0, 2), null, false);
        assertThat(v.ok()).isTrue();
        assertThat(v.uncovered()).isEqualTo(4);
    }

    @Test
    void checkpointsVerifyWithTheirPublishedVerifierKeyText() throws Exception {
        NoteVerifierKey parsed = NoteVerifierKey.parse(AuditLogFixture.VERIFIER.toString());
        assertThat(AuditCheckpoints.open(log.checkpoints.get(0), parsed).treeSize())
                .isEqualTo(3);
    }

    /** Events 0..k-1 kept, then a fresh valid chain of different events from k on. */
    private List<byte[]> rewrittenFrom(int k) {
        List<byte[]> events = new ArrayList<>(AuditLogFixture.copy(log.events.subList(0, k)));
        AuditChain.Appender appender = k == 0 ? AuditChain.Appender.start(AuditLogFixture.ORIGIN) : null;
        if (appender == null) {
            try {
                appender = AuditChain.Appender.resumeAfter(AuditCodec.decode(events.get(k - 1)));
            } catch (AuditFormatException e) {
                throw new AssertionError(e);
            }
        }
        for (int i = k; i < log.events.size(); i++) {
            events.add(appender.append(AuditLogFixture.event(i, "forged")).bytes());
        }
        return events;
    }
}
