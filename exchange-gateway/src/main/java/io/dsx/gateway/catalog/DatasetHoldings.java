package io.dsx.gateway.catalog;

import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.wire.WireFormatException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
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

    private final Map<String, Held> byDataset = new ConcurrentHashMap<>();
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
            byDataset
                    .computeIfAbsent(entry.manifest().datasetId(), k -> new Held())
                    .add(new Holding(entry, record.partition(), record.offset()));
        }
    }

    /** The dataset's accepted contributions, in ledger order (an immutable snapshot, taken in O(1)). */
    public List<Holding> of(String datasetId) {
        Held held = byDataset.get(datasetId);
        return held == null ? List.of() : held.snapshot();
    }

    /** Records accepted for the dataset. */
    public long recordCount(String datasetId) {
        Held held = byDataset.get(datasetId);
        return held == null ? 0 : held.records();
    }

    /**
     * One dataset's holdings: appended in amortised O(1) (the array doubles when full), read as snapshots
     * that share the array. A snapshot sees indices below its size only, which are never written again;
     * before, every append copied the whole list, so following a ledger of n contributions cost O(n²).
     */
    private static final class Held {
        private Holding[] items = new Holding[8];
        private int size;
        private long records;

        synchronized void add(Holding h) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = h;
            records += h.entry().manifest().recordCount();
        }

        synchronized List<Holding> snapshot() {
            return new Snapshot(items, size);
        }

        synchronized long records() {
            return records;
        }
    }

    private static final class Snapshot extends AbstractList<Holding> implements RandomAccess {
        private final Holding[] items;
        private final int size;

        Snapshot(Holding[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public Holding get(int index) {
            Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
