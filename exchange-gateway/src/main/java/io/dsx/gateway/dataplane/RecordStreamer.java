package io.dsx.gateway.dataplane;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one data-plane response from a record reader, shaped by a {@link ReadShape}.
 *
 * <p>NDJSON ({@code application/x-ndjson}): the first line is {@code {"schema": <projected Avro
 * schema>}}; then one line per record, {@code {"cursor": "<after this record>", "record": {...}}};
 * the last line is {@code {"end": {"cursor": "<resume here>"|null, "reason": "..."}}}: cursor null
 * means everything committed when the read began was read. A stream cut off before the end line
 * resumes from the last record's cursor.
 *
 * <p>Avro ({@code application/vnd.apache.avro+container}): an Avro object container file whose
 * schema is the projected schema; the response header {@code Dsx-Cursor} is where this page began;
 * a client that counted k records resumes with {@code ?cursor=<Dsx-Cursor>&skip=k}.
 *
 * <p>The policy is asked again every {@code recheckRecords} records or {@code recheckInterval},
 * whichever comes first; a refusal ends the stream there (NDJSON says why in its end line).
 */
final class RecordStreamer {

    /** No separator between root values: each line is exactly one JSON object. */
    private static final JsonMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .rootValueSeparator((String) null)
                    .build())
            .build();

    enum Format {
        NDJSON,
        AVRO
    }

    /** How a stream ended. */
    record Ended(long records, Cursor resume, String reason) {}

    private final DataPlaneSettings settings;
    private final Clock clock;

    RecordStreamer(DataPlaneSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Ended stream(
            ReadShape shape,
            MaskKey key,
            RecordSource.Reader reader,
            Cursor start,
            long skip,
            long limit,
            Format format,
            BooleanSupplier stillAllowed,
            OutputStream out)
            throws IOException {
        Sink sink = format == Format.NDJSON ? new Ndjson(out) : new Avro(out, shape);
        sink.begin(shape);
        long sent = 0;
        long sinceCheck = 0;
        Instant lastCheck = clock.instant();
        Cursor position = start;
        String reason = null;
        long skipped = 0;
        while (true) {
            if (sent >= limit) {
                reason = "page limit reached; continue from the cursor";
                break;
            }
            if (sinceCheck >= settings.recheckRecords()
                    || !clock.instant().isBefore(lastCheck.plus(settings.recheckInterval()))) {
                if (!stillAllowed.getAsBoolean()) {
                    reason = "the read policy no longer allows this read (grant revoked, expired or changed)";
                    position = null;
                    break;
                }
                sinceCheck = 0;
                lastCheck = clock.instant();
            }
            RecordSource.Positioned p = reader.next();
            if (p == null) {
                position = null;
                reason = "end of data";
                break;
            }
            sinceCheck++;
            GenericRecord shaped = shape.apply(p.record(), key);
            position = p.next();
            if (shaped == null) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
                continue;
            }
            sink.record(shaped, p.next());
            sent++;
        }
        sink.end(position, reason);
        return new Ended(sent, position, reason);
    }

    private interface Sink {
        void begin(ReadShape shape) throws IOException;

        void record(GenericRecord r, Cursor next) throws IOException;

        void end(Cursor resume, String reason) throws IOException;
    }

    private static final class Ndjson implements Sink {
        private final OutputStream out;
        private final JsonGenerator g;

        Ndjson(OutputStream out) {
            this.out = out;
            this.g = JSON.createGenerator(out);
        }

        @Override
        public void begin(ReadShape shape) throws IOException {
            g.writeStartObject();
            g.writeName("schema");
            g.writeRawValue(shape.projected().toString());
            g.writeEndObject();
            line();
        }

        @Override
        public void record(GenericRecord r, Cursor next) throws IOException {
            g.writeStartObject();
            g.writeStringProperty("cursor", next.encode());
            g.writeName("record");
            value(g, r);
            g.writeEndObject();
            line();
        }

        @Override
        public void end(Cursor resume, String reason) throws IOException {
            g.writeStartObject();
            g.writeName("end");
            g.writeStartObject();
            g.writeStringProperty("cursor", resume == null ? null : resume.encode());
            g.writeStringProperty("reason", reason);
            g.writeEndObject();
            g.writeEndObject();
            line();
            g.close();
        }

        private void line() throws IOException {
            g.flush();
            out.write('\n');
        }
    }

    private static final class Avro implements Sink {
        private final DataFileWriter<GenericRecord> writer;
        private final OutputStream out;
        private final ReadShape shape;

        Avro(OutputStream out, ReadShape shape) {
            this.out = out;
            this.shape = shape;
            this.writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(shape.projected()));
        }

        @Override
        public void begin(ReadShape s) throws IOException {
            writer.create(shape.projected(), out);
        }

        @Override
        public void record(GenericRecord r, Cursor next) throws IOException {
            writer.append(r);
        }

        @Override
        public void end(Cursor resume, String reason) throws IOException {
            writer.close();
        }
    }

    static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof GenericRecord r) {
            g.writeStartObject();
            for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
                g.writeName(f.name());
                value(g, r.get(f.pos()));
            }
            g.writeEndObject();
        } else if (v instanceof CharSequence || v instanceof GenericEnumSymbol<?>) {
            g.writeString(v.toString());
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof ByteBuffer b) {
            ByteBuffer d = b.duplicate();
            byte[] bytes = new byte[d.remaining()];
            d.get(bytes);
            g.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof GenericFixed f) {
            g.writeString(Base64.getEncoder().encodeToString(f.bytes()));
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object e : c) {
                value(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName(e.getKey().toString());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }
}
