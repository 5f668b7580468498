package io.dsx.gateway.catalog;

import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.wire.WireFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What each dataset holds, from {@code dsx.ledger}: its accepted contributions in ledger order and
 * their record count. A ledger entry is the commit marker of its records, so only what an entry
 * here covers exists for the catalog and the data plane. A contribution id seen twice counts once.
 */
public final class DatasetHoldings {

    /** One accepted contribution and its ledger position. */
    public record Holding(LedgerEntry entry, int partition, long offset) {}

    private final Map<String, List<Holding>> byDataset = new ConcurrentHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** Follower handler for {@code dsx.ledger}. */
    public void accept(ConsumerRecord<byte[], byte[]> record) {
        LedgerEntry entry;
        try {
            entry = LedgerEntry.parse(record.value());
        } catch (WireFormatException e) {
            throw new IllegalStateException(
                    "dsx.ledger offset " + record.offset() + " is not a ledger entry: " + e.getMessage());
        }
        synchronized (this) {
            if (!seen.add(entry.manifest().contributionId())) {
                return;
            }
            byDataset.compute(entry.manifest().datasetId(), (k, held) -> {
                List<Holding> next = held == null ? new ArrayList<>() : new ArrayList<>(held);
                next.add(new Holding(entry, record.partition(), record.offset()));
                return List.copyOf(next);
            });
        }
    }

    /** The dataset's accepted contributions, in ledger order (an immutable snapshot). */
    public List<Holding> of(String datasetId) {
        return byDataset.getOrDefault(datasetId, List.of());
    }

    /** Records accepted for the dataset. */
    public long recordCount(String datasetId) {
        return of(datasetId).stream()
                .mapToLong(h -> h.entry().manifest().recordCount())
                .sum();
    }
}
