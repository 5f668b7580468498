package io.dsx.gateway.dataplane;

import io.dsx.crypto.dek.DekManager;
import io.dsx.gateway.catalog.Catalog;
import io.dsx.gateway.catalog.DatasetHoldings;
import io.dsx.gateway.stored.SegmentReader;
import io.dsx.schemas.events.LedgerEntry;
import io.dsx.schemas.events.RecordSegment;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.stored.StoredSegment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * A dataset's records, in ledger order, read only from segments a ledger entry lists
 * ({@link DatasetHoldings}: the commit markers), fetched and opened by {@link SegmentReader} through
 * the one stored-segment codec, and decoded from the writer's schema version into the reader schema.
 * A reader holds one Kafka consumer and at most one segment's plaintext, wiped when it moves on;
 * it decodes every record into one reused record object (see {@link RecordSource.Reader#next}).
 */
public final class LedgerRecordSource implements RecordSource {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final DatasetHoldings holdings;
    private final Catalog catalog;
    private final DekManager deks;
    private final Map<String, Object> consumerBase;

    public LedgerRecordSource(
            DatasetHoldings holdings, Catalog catalog, DekManager deks, Map<String, Object> consumerBase) {
        this.holdings = holdings;
        this.catalog = catalog;
        this.deks = deks;
        this.consumerBase = consumerBase;
    }

    @Override
    public Reader open(String datasetId, Schema reader, Cursor from) throws InvalidCursor {
        List<DatasetHoldings.Holding> entries = holdings.of(datasetId);
        boolean past = from.contribution() > entries.size()
                || (from.contribution() == entries.size() && from.leaf() > 0)
                || (from.contribution() < entries.size()
                        && from.leaf()
                                >= entries.get(from.contribution())
                                        .entry()
                                        .manifest()
                                        .recordCount());
        if (past) {
            throw new InvalidCursor("the cursor points past the dataset's records");
        }
        Catalog.Dataset dataset = catalog.dataset(datasetId).orElseThrow();
        return new Segments(dataset, reader, entries, from);
    }

    private final class Segments implements Reader {
        private final Catalog.Dataset dataset;
        private final Schema readerSchema;
        private final List<DatasetHoldings.Holding> entries;
        private final Map<Schema, GenericDatumReader<GenericRecord>> decoders = new java.util.IdentityHashMap<>();
        private int writerVersion = -1;
        private Schema writer;
        private SegmentReader segments;
        private int contribution;
        private int leaf;
        private RecordFrames frames;
        private int framesFirstLeaf;
        private BinaryDecoder decoder;
        private GenericRecord reuse;

        Segments(Catalog.Dataset dataset, Schema readerSchema, List<DatasetHoldings.Holding> entries, Cursor from) {
            this.dataset = dataset;
            this.readerSchema = readerSchema;
            this.entries = entries;
            this.contribution = from.contribution();
            this.leaf = from.leaf();
        }

        @Override
        public Positioned next() {
            Encoded e = nextEncoded();
            return e == null ? null : new Positioned(decode(e), e.next());
        }

        @Override
        public boolean encoded() {
            return true;
        }

        @Override
        public Encoded nextEncoded() {
            while (contribution < entries.size()) {
                LedgerEntry entry = entries.get(contribution).entry();
                if (leaf >= entry.manifest().recordCount()) {
                    contribution++;
                    leaf = 0;
                    drop();
                    continue;
                }
                if (frames == null || leaf < framesFirstLeaf || leaf >= framesFirstLeaf + frames.count()) {
                    load(entry);
                }
                int i = leaf - framesFirstLeaf;
                leaf++;
                Cursor next = leaf >= entry.manifest().recordCount()
                        ? new Cursor(contribution + 1, 0)
                        : new Cursor(contribution, leaf);
                return new Encoded(
                        writer(entry.manifest().schemaVersion()),
                        frames.bytes(),
                        frames.recordStart(i),
                        frames.recordLength(i),
                        next);
            }
            return null;
        }

        private Schema writer(int version) {
            if (version != writerVersion) {
                writer = dataset.version(version)
                        .orElseThrow(() -> new IllegalStateException("no schema version " + version))
                        .avro();
                writerVersion = version;
            }
            return writer;
        }

        private void load(LedgerEntry entry) {
            drop();
            RecordSegment segment = entry.segments().stream()
                    .filter(s -> leaf >= s.firstLeaf() && leaf < s.firstLeaf() + s.recordCount())
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("a ledger entry lists no segment holding record " + leaf));
            if (segments == null) {
                segments = new SegmentReader(consumerBase, deks, FETCH_TIMEOUT);
            }
            try {
                frames = segments.open(entry, segment);
            } catch (StoredSegment.OpenException e) {
                throw new IllegalStateException(
                        "a stored segment does not open: " + e.failure() + " (" + e.getMessage() + ")");
            }
            framesFirstLeaf = segment.firstLeaf();
        }

        @Override
        public GenericRecord decode(Encoded e) {
            GenericDatumReader<GenericRecord> datum =
                    decoders.computeIfAbsent(e.writer(), w -> new GenericDatumReader<>(w, readerSchema));
            decoder = DecoderFactory.get().binaryDecoder(e.bytes(), e.offset(), e.length(), decoder);
            try {
                reuse = datum.read(reuse, decoder);
                return reuse;
            } catch (IOException | RuntimeException ex) {
                throw new IllegalStateException("a stored record does not decode under its schema version");
            }
        }

        private void drop() {
            if (frames != null) {
                frames.wipe();
                frames = null;
            }
        }

        @Override
        public void close() {
            drop();
            if (segments != null) {
                segments.close();
            }
        }
    }
}
