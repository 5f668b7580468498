package io.dsx.gateway.ingest;

import io.dsx.schemas.events.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which contributions are accepted, and where their ledger entries are: the memory behind "the same
 * contribution id sent again gets the first receipt and writes nothing". Rebuilt from
 * {@code dsx.ledger} at start from the record keys alone (the contribution id; values are not
 * parsed), and followed afterwards. It keeps positions only ({@link PositionTable}, about 48 bytes
 * per contribution); the entry itself is read back from the ledger when a contribution is sent again.
 */
public final class LedgerIndex {

    /** A ledger entry and where it sits on {@code dsx.ledger}. */
    public record Located(LedgerEntry entry, int partition, long offset) {}

    /** Reads the ledger entry at a position (a Kafka fetch by offset). */
    @FunctionalInterface
    public interface Fetcher {
        LedgerEntry fetch(int partition, long offset);
    }

    private final PositionTable positions = new PositionTable(1 << 16);
    private final Fetcher fetcher;

    public LedgerIndex(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    void accept(ConsumerRecord<byte[], byte[]> record) {
        UUID id = idOf(new String(record.key(), StandardCharsets.UTF_8), record.offset());
        positions.putEarliest(id, PositionTable.pack(record.partition(), record.offset()));
    }

    /**
     * Records where a contribution's ledger entry is; returns whether it is the one kept. Should two
     * entries ever carry the same id (two gateways accepting the same new contribution at the same
     * instant), every gateway keeps the one first on {@code dsx.ledger}, whichever it saw first, so all
     * of them answer a resend with the same receipt.
     */
    boolean put(Located located) {
        long mine = PositionTable.pack(located.partition(), located.offset());
        return positions.putEarliest(UUID.fromString(located.entry().manifest().contributionId()), mine) == mine;
    }

    /** Whether {@code contributionId} was accepted (no Kafka read). */
    public boolean contains(String contributionId) {
        return positions.get(parse(contributionId)) >= 0;
    }

    /** The accepted entry of {@code contributionId}, read back from the ledger. */
    public Optional<Located> find(String contributionId) {
        long packed = positions.get(parse(contributionId));
        if (packed < 0) {
            return Optional.empty();
        }
        int partition = PositionTable.partition(packed);
        long offset = PositionTable.offset(packed);
        return Optional.of(new Located(fetcher.fetch(partition, offset), partition, offset));
    }

    public int size() {
        return positions.size();
    }

    /** Heap the index holds, in bytes (for metrics and docs/scaling.md). */
    public long bytes() {
        return positions.bytes();
    }

    private static UUID parse(String contributionId) {
        try {
            return UUID.fromString(contributionId);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0); // never a contribution id: the manifest rules require a UUIDv7
        }
    }

    private static UUID idOf(String key, long offset) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dsx.ledger offset " + offset + " has no contribution id as its key");
        }
    }
}
