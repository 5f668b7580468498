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

    static AccessRecord limited(long maxRecords) {
        AccessRecord r = record(1, AccessRecord.Status.GRANTED);
        return new AccessRecord(
                r.version(),
                r.id(),
                r.revision(),
                r.researcher(),
                r.dataset(),
                r.owner(),
                r.fieldsRequested(),
                r.purpose(),
                r.project(),
                r.ethicsApproval(),
                r.durationDays(),
                r.createdAt(),
                r.status(),
                r.decision(),
                null,
                new AccessRecord.Grant(
                        List.of("ward"),
                        Map.of("max_records", maxRecords),
                        r.grant().grantedAt(),
                        r.grant().expiresAt()),
                null);
    }

    static GrantUsage usage(String reservation, String kind, long records) {
        return new GrantUsage(1, limited(0).id(), reservation, kind, records, Instant.parse("2026-12-08T00:00:00Z"));
    }

    static final List<GrantUsage> RACE = List.of(
            usage("r1", GrantUsage.RESERVE, 10),
            usage("r2", GrantUsage.RESERVE, 20), // 10 + 20 > 25: the later one does not hold
            usage("r3", GrantUsage.RESERVE, 15), // 10 + 15 = 25: holds
            usage("r2", GrantUsage.SETTLE, 0), // a reservation that did not hold gives nothing back
            usage("r1", GrantUsage.SETTLE, 4), // r1 sent 4 of its 10
            usage("r1", GrantUsage.SETTLE, 0)); // settled once only

    @Test
    void usageIsFoldedInTopicOrderAgainstTheGrantsMaxRecords() {
        AccessView view = new AccessView();
        view.applyFromTopic(limited(25));
        String grant = limited(25).id();
        view.applyFromTopic(RACE.get(0));
        view.applyFromTopic(RACE.get(1));
        assertThat(view.reservationHolds(grant, "r1")).contains(true);
        assertThat(view.reservationHolds(grant, "r2")).contains(false);
        assertThat(view.reservationHolds(grant, "r3")).isEmpty(); // not folded yet
        RACE.subList(2, RACE.size()).forEach(view::applyFromTopic);
        assertThat(view.reservationHolds(grant, "r3")).contains(true);
        assertThat(view.used(grant)).isEqualTo(4 + 15);
        assertThat(view.maxRecords(grant)).isEqualTo(25);
    }

    @Test
    void aViewRebuiltFromTheTopicCountsTheSameAndAGrantWithoutLimitHasNone() {
        AccessView first = new AccessView();
        AccessView rebuilt = new AccessView();
        for (AccessView v : List.of(first, rebuilt)) {
            v.applyFromTopic(limited(25));
            RACE.forEach(v::applyFromTopic);
        }
        assertThat(rebuilt.used(limited(25).id()))
                .isEqualTo(first.used(limited(25).id()))
                .isEqualTo(19);
        AccessView open = new AccessView();
        open.applyFromTopic(record(1, AccessRecord.Status.GRANTED));
        assertThat(open.maxRecords(limited(25).id())).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aUsageRecordRoundTripsThroughTheCodecUnderItsOwnKey() {
        GrantUsage u = usage("r9", GrantUsage.RESERVE, 7);
        assertThat(GrantsCodec.key(u)).isEqualTo("usage:" + u.grant() + ":r9:reserve");
        assertThat(GrantsCodec.decode(GrantsCodec.key(u), GrantsCodec.encode(u)))
                .isEqualTo(u);
    }
}
