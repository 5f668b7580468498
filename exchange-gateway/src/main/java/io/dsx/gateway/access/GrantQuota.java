package io.dsx.gateway.access;

import io.dsx.gateway.outcome.Outcome;
import io.dsx.gateway.outcome.Refusal.Code;
import io.dsx.gateway.outcome.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A grant's {@code max_records}, counted over its whole life: every job, every request, every
 * gateway, across restarts. The count lives on {@code dsx.grants} as usage records
 * ({@link GrantUsage}) that every gateway folds in one order (decision record
 * 2026-12-08-max-records-on-dsx-grants). A response reserves what it may send before its first byte
 * and settles what it sent when it ends.
 */
public final class GrantQuota {

    private static final Logger LOG = LoggerFactory.getLogger(GrantQuota.class);
    private static final Duration FOLD_TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;

    /** Records a response may send; {@code id} null when the grant has no limit (nothing recorded). */
    public record Reservation(String grant, String id, long records) {}

    private final AccessView view;
    private final GrantsLog log;
    private final Clock clock;

    public GrantQuota(AccessView view, GrantsLog log, Clock clock) {
        this.view = view;
        this.log = log;
        this.clock = clock;
    }

    /** Reserves up to {@code wanted} records of the grant; refused (403 max_records_reached) when none are left. */
    public Outcome<Reservation> reserve(String grant, long wanted) {
        long max = view.maxRecords(grant);
        if (max == Long.MAX_VALUE) {
            return Outcome.ok(new Reservation(grant, null, wanted));
        }
        // the first try asks for all it wants: the view may not have folded a settle that was written
        // (acknowledged) before this request came; once this gateway folded its own reservation it has
        // folded everything before it, so what is left is known exactly for the next try
        long ask = Math.min(wanted, max);
        for (int attempt = 0; attempt < ATTEMPTS && ask > 0; attempt++) {
            GrantUsage u =
                    new GrantUsage(1, grant, UUID.randomUUID().toString(), GrantUsage.RESERVE, ask, clock.instant());
            RecordMetadata at = log.write(u);
            try {
                if (!view.awaitApplied(at.partition(), at.offset(), FOLD_TIMEOUT)) {
                    throw new TransientFailure(Code.STALE_VIEW, "the grant's record count is not known yet", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailure(Code.STALE_VIEW, "interrupted", e);
            }
            if (view.reservationHolds(grant, u.reservation()).orElse(false)) {
                return Outcome.ok(new Reservation(grant, u.reservation(), u.records()));
            }
            ask = Math.min(wanted, max - view.used(grant));
        }
        return refused(max);
    }

    /** Gives back what the response did not send. A failure here leaves the reservation counted in full. */
    public void settle(Reservation r, long sent) {
        if (r.id() == null) {
            return;
        }
        try {
            log.write(new GrantUsage(1, r.grant(), r.id(), GrantUsage.SETTLE, sent, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "a grant's reservation could not be settled ({}); it stays counted in full",
                    e.getClass().getSimpleName());
        }
    }

    private static Outcome<Reservation> refused(long max) {
        return Outcome.refused(
                Code.MAX_RECORDS_REACHED,
                "the grant's max_records (" + max + ") have been read; no more records under this grant");
    }
}
