package io.dsx.schemas.stored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.crypto.aead.AesGcmKey;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.record.RecordFraming;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredSegmentTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UUID CONTRIBUTION = UUID.fromString("019b7ca9-8f2e-7000-8000-000000000001");
    private final AesGcmKey dek = AesGcmKey.generate(RANDOM);
    private final StoredSegment.Keys keys = id -> id.equals("dek-1") ? Optional.of(dek) : Optional.empty();

    private static RecordFrames frames(int n) throws Exception {
        List<FramedRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            records.add(new FramedRecord(salt, ("record number " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return RecordFraming.index(RecordFraming.frame(records), n);
    }

    private byte[] seal(RecordFrames f, int first, int count) {
        return StoredSegment.seal(
                "visits",
                new StoredSegment.Header(CONTRIBUTION, 3, first, count, "dek-1"),
                dek,
                f.bytes(),
                f.frameStart(first),
                f.framedLength(first, count));
    }

    @Test
    void aSegmentOpensToItsRecordsAgainstWhatTheLedgerSays() throws Exception {
        RecordFrames f = frames(10);
        byte[] value = seal(f, 4, 3);
        RecordFrames back = StoredSegment.open("visits", value, CONTRIBUTION, 3, 4, 3, keys);
        assertThat(back.records()).containsExactly(f.record(4), f.record(5), f.record(6));
        assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain("record number");
        assertThat(StoredSegment.header(value)).isEqualTo(new StoredSegment.Header(CONTRIBUTION, 3, 4, 3, "dek-1"));
    }

    @Test
    void aSegmentMovedRelabelledOrAlteredDoesNotOpen() throws Exception {
        byte[] value = seal(frames(10), 4, 3);
        assertFails(
                () -> StoredSegment.open("other", value, CONTRIBUTION, 3, 4, 3, keys),
                StoredSegment.Failure.DECRYPT_FAILED);
        assertFails(
                () -> StoredSegment.open("visits", value, CONTRIBUTION, 3, 5, 3, keys),
                StoredSegment.Failure.UNEXPECTED);
        assertFails(
                () -> StoredSegment.open("visits", value, UUID.randomUUID(), 3, 4, 3, keys),
                StoredSegment.Failure.UNEXPECTED);
        // relabel the clear header to what a ledger entry of another position would expect: the aad catches it
        byte[] relabelled = value.clone();
        relabelled[1 + 16 + 4 + 3] = 5; // firstLeaf 4 -> 5
        assertFails(
                () -> StoredSegment.open("visits", relabelled, CONTRIBUTION, 3, 5, 3, keys),
                StoredSegment.Failure.DECRYPT_FAILED);
        for (int i = 0; i < value.length; i += 7) {
            byte[] flipped = value.clone();
            flipped[i] ^= 1;
            assertThatThrownBy(() -> StoredSegment.open("visits", flipped, CONTRIBUTION, 3, 4, 3, keys))
                    .isInstanceOf(StoredSegment.OpenException.class);
        }
        assertFails(
                () -> StoredSegment.open("visits", value, CONTRIBUTION, 3, 4, 3, id -> Optional.empty()),
                StoredSegment.Failure.UNKNOWN_KEY);
        assertFails(
                () -> StoredSegment.open("visits", new byte[] {2, 0}, CONTRIBUTION, 3, 4, 3, keys),
                StoredSegment.Failure.MALFORMED);
    }

    @Test
    void aPlanCutsRunsWithinTheTargetAndGivesAnOversizedRecordARunOfItsOwn() throws Exception {
        List<FramedRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new FramedRecord(new byte[16], new byte[i == 7 ? 500 : 40]));
        }
        RecordFrames f = RecordFraming.index(RecordFraming.frame(records), 20);
        List<SegmentPlan.Run> runs = SegmentPlan.of(f, 200);
        int next = 0;
        for (SegmentPlan.Run run : runs) {
            assertThat(run.firstLeaf()).isEqualTo(next);
            assertThat(run.bytes() <= 200 || run.count() == 1).isTrue();
            next += run.count();
        }
        assertThat(next).isEqualTo(20);
        assertThat(runs).anySatisfy(r -> assertThat(r.firstLeaf()).isEqualTo(7)).anySatisfy(r -> {
            if (r.firstLeaf() == 7) {
                assertThat(r.count()).isEqualTo(1);
            }
        });
    }

    private static void assertFails(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, StoredSegment.Failure failure) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StoredSegment.OpenException.class,
                        e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
