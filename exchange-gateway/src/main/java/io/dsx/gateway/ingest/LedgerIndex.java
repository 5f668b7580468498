package io.dsx.gateway.ingest;

import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.wire.WireFormatException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Accepted contributions by id, rebuilt from {@code dsx.ledger} at start and followed afterwards: the
 * memory behind "the same contribution id sent again gets the first receipt and writes nothing".
 */
public final class LedgerIndex {

    /** A ledger entry and where it sits on {@code dsx.ledger}. */
    public record Located(LedgerEntry entry, int partition, long offset) {
    }

    private final Map<String, Located> byContribution = new ConcurrentHashMap<>();

    void accept(ConsumerRecord<byte[], byte[]> record) {
        try {
            LedgerEntry entry = LedgerEntry.parse(record.value());
            put(new Located(entry, record.partition(), record.offset()));
        } catch (WireFormatException e) {
            throw new IllegalStateException("dsx.ledger offset " + record.offset() + " is not a ledger entry: " + e.getMessage());
        }
    }

    /**
     * Records where a contribution's ledger entry is. Should two entries ever carry the same id (two
     * gateways accepting the same new contribution at the same instant), every gateway keeps the one
     * that comes first on {@code dsx.ledger}, whichever it saw first, so all of them answer a resend
     * with the same receipt.
     */
    void put(Located located) {
        byContribution.merge(located.entry().manifest().contributionId(), located,
                (held, offered) -> offered.offset() < held.offset() ? offered : held);
    }

    public Optional<Located> find(String contributionId) {
        return Optional.ofNullable(byContribution.get(contributionId));
    }

    public int size() {
        return byContribution.size();
    }
}
