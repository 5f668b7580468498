package io.dsx.schemas.audit;

import java.util.Arrays;
import java.util.Objects;

/**
 * An audit event at its place in a log: {@code seq} and {@code prev} (the hash chain) around the
 * {@link AuditEvent}, with the exact bytes written to {@code dsx.audit}.
 */
public final class ChainedEvent {
    private final long seq;
    private final byte[] prev;
    private final AuditEvent event;
    private final byte[] bytes;

    ChainedEvent(long seq, byte[] prev, AuditEvent event, byte[] bytes) {
        this.seq = seq;
        this.prev = prev.clone();
        this.event = Objects.requireNonNull(event);
        this.bytes = bytes;
    }

    public long seq() {
        return seq;
    }

    public byte[] prev() {
        return prev.clone();
    }

    public AuditEvent event() {
        return event;
    }

    /** The event's bytes as written (Avro binary, {@code AuditEvent.avsc}). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The RFC 6962 leaf hash of this event in its log's tree. */
    public byte[] leafHash() {
        return AuditTree.leafHash(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainedEvent c && Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ChainedEvent[seq=" + seq + ", action=" + event.dsx().action() + ", outcome="
                + event.dsx().outcome().wire() + "]";
    }
}
