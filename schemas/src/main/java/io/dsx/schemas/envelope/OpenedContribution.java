package io.dsx.schemas.envelope;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.FramedRecord;
import io.dsx.schemas.record.RecordCodec;
import io.dsx.schemas.record.RecordFrames;
import io.dsx.schemas.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A verified, decrypted contribution whose records all checked out: count, Merkle root and
 * validity under the manifest's schema version. Holds the plaintext in place ({@link #frames()});
 * the holder {@link #close() closes} it when done, which wipes it.
 */
public final class OpenedContribution implements AutoCloseable {
    private final VerifiedEnvelope envelope;
    private final RecordFrames frames;
    private final DatasetSchema schema;

    OpenedContribution(VerifiedEnvelope envelope, RecordFrames frames, DatasetSchema schema) {
        this.envelope = envelope;
        this.frames = frames;
        this.schema = schema;
    }

    public VerifiedEnvelope envelope() {
        return envelope;
    }

    public Manifest manifest() {
        return envelope.manifest();
    }

    /** The records in place: what the gateway seals for storage, slice by slice. */
    public RecordFrames frames() {
        return frames;
    }

    /** Every record decoded under the manifest's schema version (for tests and tools, not the hot path). */
    public List<OpenedRecord> records() {
        RecordCodec codec = RecordCodec.of(schema);
        List<OpenedRecord> out = new ArrayList<>(frames.count());
        for (int i = 0; i < frames.count(); i++) {
            FramedRecord r = frames.record(i);
            try {
                out.add(new OpenedRecord(i, r.salt(), r.record(), codec.decode(r.record())));
            } catch (WireFormatException e) {
                throw new IllegalStateException("record " + i + " was checked when opened", e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        frames.wipe();
    }

    @Override
    public String toString() {
        return "OpenedContribution[" + envelope.manifest().contributionId() + ", " + frames.count() + " records]";
    }
}
