package io.dsx.schemas.events;

import io.dsx.crypto.hash.ConstantTime;
import io.dsx.crypto.hash.Sha256;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The hash chain of {@code dsx.audit}: event {@code seq} carries {@code prev} = SHA-256 of the
 * Avro binary of event {@code seq - 1} (32 zero bytes for seq 0). Altering, dropping or reordering
 * any event breaks the next link or the sequence, which {@link Verifier} reports.
 */
public final class AuditChain {
  public static final int VERSION = 1;

  private AuditChain() {}

  /** The prev of the first event: 32 zero bytes. */
  public static byte[] genesis() {
    return new byte[Sha256.LENGTH];
  }

  /** The prev that follows an event with these bytes. */
  public static byte[] link(byte[] eventBytes) {
    return Sha256.digest(eventBytes);
  }

  /** Assigns version, seq and prev to events in order and encodes them. Not thread-safe. */
  public static final class Appender {
    private long nextSeq;
    private byte[] prev;

    private Appender(long nextSeq, byte[] prev) {
      this.nextSeq = nextSeq;
      this.prev = prev;
    }

    /** For an empty topic. */
    public static Appender start() {
      return new Appender(0, genesis());
    }

    /** To continue after the last event on the topic. */
    public static Appender resumeAfter(byte[] lastEventBytes) throws WireFormatException {
      GenericRecord last = (GenericRecord) AvroBinary.decode(DsxSchemas.AUDIT_EVENT, lastEventBytes);
      return new Appender((Long) last.get("seq") + 1, link(lastEventBytes));
    }

    /** Sets the chain fields of {@code event} (an AuditEvent record) and returns its bytes. */
    public byte[] append(GenericRecord event) {
      event.put("version", VERSION);
      event.put("seq", nextSeq);
      event.put("prev", new GenericData.Fixed(DsxSchemas.SHA256, prev));
      byte[] bytes = AvroBinary.encode(DsxSchemas.AUDIT_EVENT, event);
      nextSeq++;
      prev = link(bytes);
      return bytes;
    }
  }

  /** Checks events fed in topic order, from seq 0. */
  public static final class Verifier {
    private long nextSeq;
    private byte[] expectedPrev = genesis();

    /** Empty when the event extends the chain; else what is wrong (the verifier does not advance). */
    public Optional<String> accept(byte[] eventBytes) {
      GenericRecord e;
      try {
        e = (GenericRecord) AvroBinary.decode(DsxSchemas.AUDIT_EVENT, eventBytes);
      } catch (WireFormatException bad) {
        return Optional.of("the event expected at seq " + nextSeq + " is not a valid audit event: " + bad.getMessage());
      }
      long seq = (Long) e.get("seq");
      if ((Integer) e.get("version") != VERSION) {
        return Optional.of("event " + seq + " has unsupported version " + e.get("version"));
      }
      if (seq != nextSeq) {
        return Optional.of("expected seq " + nextSeq + ", found " + seq + " (an event was dropped or reordered)");
      }
      if (!ConstantTime.equals(((GenericData.Fixed) e.get("prev")).bytes(), expectedPrev)) {
        return Optional.of("event " + seq + ": prev is not the hash of event " + (seq - 1) + " (an event was altered)");
      }
      nextSeq++;
      expectedPrev = link(eventBytes);
      return Optional.empty();
    }

    /** How many events have checked out so far. */
    public long verified() {
      return nextSeq;
    }
  }
}
