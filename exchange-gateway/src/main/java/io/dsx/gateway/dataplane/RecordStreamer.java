package io.dsx.gateway.dataplane;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
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
 *
 * <p>Pages: the response is encoded into an in-memory page of at most {@code pageRecords} records
 * (or about {@code PAGE_BYTES}, or a page open for {@code PAGE_AGE}); a full page is told to the
 * {@link Pages} listener (the audit) and only then written out, in one write. No byte of a record
 * leaves before its page was told. Decoded and shaped records are reused objects: nothing per record
 * is kept but the page's bytes and the subjects it served.
 */
final class RecordStreamer {

    /** No separator between root values: each line is exactly one JSON object. */
    private static final JsonMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .rootValueSeparator((String) null)
                    .build())
            .build();

    /**
     * A page is sent when it holds about this many bytes ... (below half a G1 region of a 1 GiB heap,
     * so a page's buffer is never a humongous object that only a concurrent cycle frees)
     */
    static final int PAGE_BYTES = 256 * 1024;
    /** ... or has been open this long (a slow source still streams). */
    static final Duration PAGE_AGE = Duration.ofSeconds(1);

    enum Format {
        NDJSON,
        AVRO
    }

    /** How a stream ended. */
    record Ended(long records, Cursor resume, String reason) {}

    /** Told each page with records before its bytes are written; an exception stops the stream unsent. */
    interface Pages {
        Pages NONE = page -> {};

        void beforeSend(ServedPage page) throws IOException;

        /**
         * Called once the last page was told and before its bytes (the end of the response) are
         * written, with every record told: what must be durable before the client can ask again.
         */
        default void beforeEnd(long told) throws IOException {}
    }

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
            Pages pages,
            OutputStream out)
            throws IOException {
        PageBuffer buffer = new PageBuffer(out, pages, start, clock);
        Sink sink = format == Format.NDJSON ? new Ndjson(buffer) : new Avro(buffer, shape);
        sink.begin(shape);
        GenericData.Record into = new GenericData.Record(shape.projected());
        // the Avro container takes each record's projected binary straight from its stored binary
        boolean raw = format == Format.AVRO && reader.encoded();
        Projections projections = new Projections(shape);
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
            RecordSource.Encoded e = raw ? reader.nextEncoded() : null;
            RecordSource.Positioned p = raw ? null : reader.next();
            if (e == null && p == null) {
                position = null;
                reason = "end of data";
                break;
            }
            sinceCheck++;
            position = e != null ? e.next() : p.next();
            RawProjection projection = e == null ? null : projections.of(e.writer());
            GenericRecord shaped = null;
            GenericRecord decoded = null;
            if (projection != null) {
                if (!projection.project(e.bytes(), e.offset(), e.length(), key)) {
                    continue;
                }
            } else {
                decoded = e != null ? reader.decode(e) : p.record();
                shaped = shape.apply(decoded, key, into);
                if (shaped == null) {
                    continue;
                }
            }
            if (skipped < skip) {
                skipped++;
                continue;
            }
            if (projection != null) {
                ((Avro) sink).encoded(projection.bytes(), projection.length());
                buffer.served(projection.subject(e.bytes()), position);
            } else {
                sink.record(shaped, position);
                Object subject = shape.subject(decoded);
                buffer.served(subject == null ? null : subject.toString(), position);
            }
            sent++;
            if (buffer.full(settings.pageRecords())) {
                sink.flush();
                buffer.send(false);
            }
        }
        sink.end(position, reason);
        buffer.send(true);
        return new Ended(sent, position, reason);
    }

    /** The raw projection of each writer schema met, or none where records must be decoded. */
    private static final class Projections {
        private final ReadShape shape;
        private final Map<Schema, Optional<RawProjection>> byWriter = new IdentityHashMap<>();

        Projections(ReadShape shape) {
            this.shape = shape;
        }

        RawProjection of(Schema writer) {
            return byWriter.computeIfAbsent(writer, w -> Optional.ofNullable(RawProjection.of(shape, w)))
                    .orElse(null);
        }
    }

    /** The page being filled: its bytes, its records' subjects and the cursors it spans. */
    private static final class PageBuffer extends java.io.ByteArrayOutputStream {
        private final OutputStream out;
        private final Pages pages;
        private final Clock clock;
        private final List<String> subjects = new ArrayList<>();
        private Cursor from;
        private Cursor to;
        private long records;
        private long told;
        private Instant opened;

        PageBuffer(OutputStream out, Pages pages, Cursor start, Clock clock) {
            super(64 * 1024);
            this.out = out;
            this.pages = pages;
            this.clock = clock;
            this.from = start;
            this.to = start;
            this.opened = clock.instant();
        }

        void served(String subject, Cursor next) {
            if (subject != null) {
                subjects.add(subject);
            }
            records++;
            to = next;
        }

        boolean full(int pageRecords) {
            return records >= pageRecords
                    || count >= PAGE_BYTES
                    || !clock.instant().isBefore(opened.plus(PAGE_AGE));
        }

        /** Tells the page (if it holds records; if last, also that the response ends), then writes its bytes in one write. */
        void send(boolean last) throws IOException {
            if (records > 0) {
                pages.beforeSend(new ServedPage(records, from, to, List.copyOf(subjects)));
                told += records;
            }
            if (last) {
                pages.beforeEnd(told);
            }
            if (count > 0) {
                out.write(buf, 0, count);
            }
            reset();
            subjects.clear();
            records = 0;
            from = to;
            opened = clock.instant();
        }

        @Override
        public void flush() {
            // a page leaves only through send()
        }

        @Override
        public void close() {
            // the response stream is the caller's
        }
    }

    private interface Sink {
        void begin(ReadShape shape) throws IOException;

        void record(GenericRecord r, Cursor next) throws IOException;

        /** Everything of the records so far into the page. */
        void flush() throws IOException;

        void end(Cursor resume, String reason) throws IOException;
    }

    private static final class Ndjson implements Sink {
        private final JsonGenerator g;

        Ndjson(OutputStream out) {
            this.g = JSON.createGenerator(out);
        }

        @Override
        public void begin(ReadShape shape) throws IOException {
            g.writeStartObject();
            g.writeName("schema");
            g.writeRawValue(shape.projected().toString());
            g.writeEndObject();
            g.writeRaw('\n');
        }

        @Override
        public void record(GenericRecord r, Cursor next) throws IOException {
            g.writeStartObject();
            g.writeStringProperty("cursor", next.encode());
            g.writeName("record");
            value(g, r);
            g.writeEndObject();
            g.writeRaw('\n');
        }

        @Override
        public void flush() {
            g.flush();
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
            g.writeRaw('\n');
            g.close();
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
            // blocks end where pages end (flush); this only bounds a block inside a page
            this.writer.setSyncInterval(PAGE_BYTES / 2);
        }

        @Override
        public void begin(ReadShape s) throws IOException {
            writer.create(shape.projected(), out);
        }

        @Override
        public void record(GenericRecord r, Cursor next) throws IOException {
            writer.append(r);
        }

        /** A record already in the projected schema's binary. */
        void encoded(byte[] bytes, int length) throws IOException {
            writer.appendEncoded(ByteBuffer.wrap(bytes, 0, length));
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
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
