package io.dsx.schemas.audit;

import io.dsx.crypto.hash.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * The hash chain of one audit log (one {@code dsx.audit} partition): event {@code seq} carries
 * {@code prev} = SHA-256 of the bytes of event {@code seq - 1}; event 0 carries the log's genesis hash
 * {@code SHA-256("dsx/audit/genesis/v1\n" || origin)}, which ties the chain to the log it was written
 * in (an event moved to another log breaks the chain there). {@link AuditVerifier} checks it.
 */
public final class AuditChain {
    private static final String GENESIS_PREFIX = "dsx/audit/genesis/v1\n";

    private AuditChain() {}

    /** The prev of the first event of the log named {@code origin}. */
    public static byte[] genesis(String origin) {
        return Sha256.digest((GENESIS_PREFIX + origin).getBytes(StandardCharsets.UTF_8));
    }

    /** The prev that follows an event with these bytes. */
    public static byte[] link(byte[] eventBytes) {
        return Sha256.digest(eventBytes);
    }

    /** Gives events their seq and prev in order. Not thread-safe: one writer per log. */
    public static final class Appender {
        private long nextSeq;
        private byte[] prev;

        private Appender(long nextSeq, byte[] prev) {
            this.nextSeq = nextSeq;
            this.prev = prev;
        }

        /** For an empty log. */
        public static Appender start(String origin) {
            return new Appender(0, genesis(origin));
        }

        /** To continue after {@code last}, the last event of the log. */
        public static Appender resumeAfter(ChainedEvent last) {
            return new Appender(last.seq() + 1, link(last.bytes()));
        }

        /** The event at the next seq; the appender advances. */
        public ChainedEvent append(AuditEvent event) {
            ChainedEvent chained = AuditCodec.encode(nextSeq, prev, event);
            nextSeq++;
            prev = link(chained.bytes());
            return chained;
        }

        /**
         * The event at the next seq, without advancing: call {@link #advance} once it is durably written,
         * so an event that failed to be written leaves no gap.
         */
        public ChainedEvent peek(AuditEvent event) {
            return AuditCodec.encode(nextSeq, prev, event);
        }

        /** Moves past {@code written}, which {@link #peek} returned and which is now in the log. */
        public void advance(ChainedEvent written) {
            if (written.seq() != nextSeq) {
                throw new IllegalStateException("advance by seq " + written.seq() + ", expected " + nextSeq);
            }
            nextSeq++;
            prev = link(written.bytes());
        }

        public long nextSeq() {
            return nextSeq;
        }
    }
}
