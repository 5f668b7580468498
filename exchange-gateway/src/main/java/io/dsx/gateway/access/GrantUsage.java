package io.dsx.gateway.access;

import java.time.Instant;

/**
 * One change to a grant's record count, as kept on {@code dsx.grants} (key
 * {@code usage:<grant>:<reservation>}, format v1, docs/formats.md), in the partition of the grant's
 * own record so that every gateway folds a grant's usage in one order.
 *
 * <p>A data-plane response first <em>reserves</em> the records it may send; the reservation holds
 * when the grant's count so far plus it stays within {@code max_records}, judged in topic order (so
 * two gateways reserving at once agree which one got there first). When the response ends it
 * <em>settles</em>: the records it did not send are given back. A reservation never settled (a
 * gateway died mid-stream) stays counted in full: the count errs on the side of the data.
 *
 * @param version     format version (1)
 * @param grant       the grant (its access request's id)
 * @param reservation UUIDv7 of the reservation
 * @param kind        {@code reserve} or {@code settle}
 * @param records     reserve: how many records; settle: how many were sent
 * @param at          when it was written
 */
public record GrantUsage(int version, String grant, String reservation, String kind, long records, Instant at) {

    public static final String RESERVE = "reserve";
    public static final String SETTLE = "settle";
}
