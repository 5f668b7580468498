package io.dsx.gateway.stored;

import io.dsx.crypto.dek.DekManager;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.stored.StoredSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fetches and opens the stored segments of committed contributions, by the positions their ledger
 * entries give. One reader per thread (it holds a Kafka consumer); close it when done.
 */
public final class SegmentReader implements AutoCloseable {

    /** Segments kept from one poll at most (a fetch of the read-ahead consumer, 384 KiB, holds 2 or 3). */
    private static final int READ_AHEAD = 64;

    private final RecordFetcher fetcher;
    private final DekManager deks;

    /** A reader that moves forward through the data topics (it reads ahead; see {@link RecordFetcher}). */
    public SegmentReader(Map<String, Object> clientConfig, DekManager deks, Duration timeout) {
        this.fetcher = new RecordFetcher(clientConfig, timeout, READ_AHEAD);
        this.deks = deks;
    }

    /** Segment {@code s} of {@code entry}, opened and checked against what the entry says it holds. */
    public RecordFrames open(LedgerEntry entry, RecordSegment s) throws StoredSegment.OpenException {
        byte[] value = fetcher.fetch(entry.dataTopic(), s.partition(), s.offset());
        if (value == null) {
            throw new StoredSegment.OpenException(
                    StoredSegment.Failure.MALFORMED,
                    "no stored segment at " + entry.dataTopic() + "/" + s.partition() + "@" + s.offset());
        }
        return StoredSegment.open(
                entry.manifest().datasetId(),
                value,
                UUID.fromString(entry.manifest().contributionId()),
                entry.manifest().schemaVersion(),
                s.firstLeaf(),
                s.recordCount(),
                deks::key);
    }

    /** Every record of {@code entry}, in leaf order (copies; for tools and tests). */
    public List<FramedRecord> records(LedgerEntry entry) throws StoredSegment.OpenException {
        List<FramedRecord> out = new ArrayList<>((int) entry.manifest().recordCount());
        for (RecordSegment s : entry.segments()) {
            RecordFrames frames = open(entry, s);
            out.addAll(frames.records());
            frames.wipe();
        }
        return out;
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
