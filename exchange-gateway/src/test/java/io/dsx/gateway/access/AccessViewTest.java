package io.dsx.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessViewTest {

    static AccessRecord record(long revision, AccessRecord.Status status) {
        return new AccessRecord(
                1,
                "0193a0d2-0000-7000-8000-000000000001",
                revision,
                new AccessRecord.Researcher("u-1", "researcher", "Uni"),
                "ds",
                "hospital-a",
                List.of("ward"),
                new AccessRecord.Purpose("HMB", null, null),
                "p",
                null,
                30,
                Instant.parse("2026-12-07T00:00:00Z"),
                status,
                new AccessRecord.PolicyOutcome(
                        "granted",
                        true,
                        List.of("ward"),
                        List.of(),
                        Map.of(),
                        "sha256:00",
                        Instant.parse("2026-12-07T00:00:00Z")),
                null,
                new AccessRecord.Grant(
                        List.of("ward"),
                        Map.of(),
                        Instant.parse("2026-12-07T00:00:00Z"),
                        Instant.parse("2027-01-06T00:00:00Z")),
                null);
    }

    @Test
    void aLowerRevisionNeverReplacesAHigherOne() {
        AccessView view = new AccessView();
        view.applyLocal(record(2, AccessRecord.Status.REVOKED));
        view.applyFromTopic(record(1, AccessRecord.Status.GRANTED));
        view.applyLocal(record(1, AccessRecord.Status.GRANTED));
        assertThat(view.request(record(1, AccessRecord.Status.GRANTED).id())
                        .orElseThrow()
                        .status())
                .isEqualTo(AccessRecord.Status.REVOKED);
    }

    @Test
    void theTopicDecidesBetweenTwoRecordsOfTheSameRevision() {
        AccessView view = new AccessView();
        view.applyLocal(record(2, AccessRecord.Status.GRANTED));
        view.applyFromTopic(record(2, AccessRecord.Status.REVOKED));
        assertThat(view.request(record(2, AccessRecord.Status.REVOKED).id())
                        .orElseThrow()
                        .status())
                .isEqualTo(AccessRecord.Status.REVOKED);
    }

    @Test
    void aGrantPastItsTermReadsAsExpiredAndIsNotLive() {
        AccessRecord r = record(1, AccessRecord.Status.GRANTED);
        assertThat(r.effectiveStatus(Instant.parse("2027-01-05T23:59:59Z"))).isEqualTo("granted");
        assertThat(r.live(Instant.parse("2027-01-05T23:59:59Z"))).isTrue();
        assertThat(r.effectiveStatus(Instant.parse("2027-01-06T00:00:00Z"))).isEqualTo("expired");
        assertThat(r.live(Instant.parse("2027-01-06T00:00:00Z"))).isFalse();
    }

    @Test
    void recordsSurviveTheirWireFormat() {
        AccessRecord r = record(3, AccessRecord.Status.GRANTED);
        byte[] bytes = GrantsCodec.encode(r);
        assertThat(GrantsCodec.decode(GrantsCodec.REQUEST_PREFIX + r.id(), bytes))
                .isEqualTo(r);
    }
}
