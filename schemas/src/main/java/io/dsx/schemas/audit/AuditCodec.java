package io.dsx.schemas.audit;

import io.dsx.crypto.hash.Sha256;
import io.dsx.schemas.DsxSchemas;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The one codec of {@code dsx.audit} values: {@link ChainedEvent} to Avro binary and back. Decoding is
 * strict: the bytes must be the one canonical encoding of the event they decode to (re-encoding gives
 * the same bytes), so an event has exactly one byte form and its hash is well defined.
 */
public final class AuditCodec {
    public static final int VERSION = 1;

    private static final Schema SCHEMA = DsxSchemas.AUDIT_EVENT;
    private static final Schema BUNDLE = SCHEMA.getField("bundles").schema().getValueType();
    private static final Schema DETAIL = SCHEMA.getField("dsx").schema();
    private static final AvroBinary.Reader READER = AvroBinary.reader(SCHEMA);

    private AuditCodec() {}

    /** The bytes of {@code event} at {@code seq} after an event whose hash is {@code prev}. */
    public static ChainedEvent encode(long seq, byte[] prev, AuditEvent event) {
        if (seq < 0 || prev == null || prev.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("seq must be >= 0 and prev 32 bytes");
        }
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("version", VERSION);
        r.put("seq", seq);
        r.put("prev", new GenericData.Fixed(DsxSchemas.SHA256, prev.clone()));
        r.put("decision_id", event.decisionId());
        r.put("timestamp", event.timestampText());
        r.put("path", event.path());
        r.put("input", event.input());
        r.put("result", event.result());
        TreeMap<String, Object> bundles = new TreeMap<>();
        if (event.bundleRevision() != null) {
            GenericRecord b = new GenericData.Record(BUNDLE);
            b.put("revision", event.bundleRevision());
            bundles.put(AuditEvent.BUNDLE, b);
        }
        r.put("bundles", bundles);
        r.put("labels", event.labels());
        r.put("dsx", detail(event.dsx()));
        byte[] bytes = AvroBinary.encode(SCHEMA, r);
        if (bytes.length > AuditLimits.MAX_EVENT_BYTES) {
            throw new IllegalArgumentException(
                    "audit event of " + bytes.length + " bytes exceeds " + AuditLimits.MAX_EVENT_BYTES);
        }
        return new ChainedEvent(seq, prev, event, bytes);
    }

    /** Decodes and checks one event; AuditFormatException says what is wrong. */
    public static ChainedEvent decode(byte[] bytes) throws AuditFormatException {
        if (bytes == null || bytes.length > AuditLimits.MAX_EVENT_BYTES) {
            throw new AuditFormatException("an audit event has at most " + AuditLimits.MAX_EVENT_BYTES + " bytes");
        }
        GenericRecord r;
        try {
            r = (GenericRecord) READER.decode(bytes);
        } catch (WireFormatException e) {
            throw new AuditFormatException("not an audit event: " + e.getMessage(), e);
        }
        if ((Integer) r.get("version") != VERSION) {
            throw new AuditFormatException("unsupported audit event version " + r.get("version"));
        }
        ChainedEvent decoded;
        try {
            decoded = encode((Long) r.get("seq"), ((GenericData.Fixed) r.get("prev")).bytes(), event(r));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new AuditFormatException("invalid audit event: " + e.getMessage(), e);
        }
        if (!Arrays.equals(decoded.bytes(), bytes)) {
            throw new AuditFormatException("audit event is not in canonical form");
        }
        return decoded;
    }

    /** The seq written at the start of {@code bytes}, without decoding the rest; -1 if unreadable. */
    public static long peekSeq(byte[] bytes) {
        Header h = Header.read(bytes);
        return h == null ? -1 : h.seq;
    }

    /** Reads version, seq and the offset of prev from the fixed front of the encoding. */
    record Header(int version, long seq, int prevOffset) {
        static Header read(byte[] b) {
            long[] v = new long[1];
            int p = zigzag(b, 0, v);
            if (p < 0 || v[0] != VERSION) {
                return null;
            }
            p = zigzag(b, p, v);
            if (p < 0 || v[0] < 0 || p + Sha256.LENGTH > b.length) {
                return null;
            }
            return new Header(VERSION, v[0], p);
        }

        /** Avro zig-zag varint at {@code pos}; the position after it, or -1. */
        private static int zigzag(byte[] b, int pos, long[] out) {
            long raw = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= b.length) {
                    return -1;
                }
                int x = b[pos++];
                raw |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    out[0] = (raw >>> 1) ^ -(raw & 1);
                    return pos;
                }
            }
            return -1;
        }
    }

    private static GenericRecord detail(AuditDetail d) {
        GenericRecord r = new GenericData.Record(DETAIL);
        r.put("action", d.action());
        r.put("subject", d.subject());
        r.put("subject_kind", d.subjectKind());
        r.put("institution", d.institution());
        r.put("dataset", d.dataset());
        r.put("fields", d.fields());
        r.put("record_count", d.recordCount());
        r.put("offsets", d.offsets());
        r.put("job_id", d.jobId());
        r.put("grant_id", d.grantId());
        r.put("outcome", d.outcome().wire());
        r.put("reason", d.reason());
        r.put("subjects_served", d.subjectsServed());
        return r;
    }

    private static AuditEvent event(GenericRecord r) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> bundles = (Map<Object, Object>) r.get("bundles");
        String revision = null;
        if (!bundles.isEmpty()) {
            GenericRecord dsx = (GenericRecord) bundles.get(AuditEvent.BUNDLE);
            if (bundles.size() != 1 || dsx == null) {
                throw new IllegalArgumentException("bundles holds only the dsx bundle");
            }
            revision = str(dsx.get("revision"));
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> labels = (Map<Object, Object>) r.get("labels");
        TreeMap<String, String> l = new TreeMap<>();
        labels.forEach((k, v) -> l.put(str(k), str(v)));
        Instant at = Instant.parse(str(r.get("timestamp")));
        return new AuditEvent(
                str(r.get("decision_id")),
                at,
                str(r.get("path")),
                str(r.get("input")),
                str(r.get("result")),
                revision,
                l,
                detail((GenericRecord) r.get("dsx")));
    }

    private static AuditDetail detail(GenericRecord d) {
        String outcome = str(d.get("outcome"));
        return new AuditDetail(
                str(d.get("action")),
                str(d.get("subject")),
                str(d.get("subject_kind")),
                str(d.get("institution")),
                str(d.get("dataset")),
                strings(d.get("fields")),
                (Long) d.get("record_count"),
                str(d.get("offsets")),
                str(d.get("job_id")),
                str(d.get("grant_id")),
                AuditOutcome.fromWire(outcome)
                        .orElseThrow(() -> new IllegalArgumentException("unknown outcome " + outcome)),
                str(d.get("reason")),
                strings(d.get("subjects_served")));
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(str(o));
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
