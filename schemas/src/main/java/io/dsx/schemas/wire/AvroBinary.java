package io.dsx.schemas.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro binary encode and strict decode of generic data. Strings decode as {@link String}, bytes as
 * {@link java.nio.ByteBuffer}, fixed as {@link GenericData.Fixed}, logical types as their
 * underlying primitive (a timestamp-millis is a {@code long}).
 */
public final class AvroBinary {
    /** Generic data without Avro's fast reader, which would bypass the String override below. */
    private static final GenericData DATA = plainGenericData();

    private AvroBinary() {}

    private static GenericData plainGenericData() {
        GenericData data = new GenericData();
        data.setFastReaderEnabled(false);
        return data;
    }

    /** Encodes {@code datum} with {@code schema}; a datum that does not fit the schema is a bug. */
    public static byte[] encode(Schema schema, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(schema, GenericData.get()).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes all of {@code bytes} as one {@code schema} value; trailing bytes are refused. */
    public static Object decode(Schema schema, byte[] bytes) throws WireFormatException {
        return reader(schema).decode(bytes);
    }

    /** Decodes one {@code schema} value from the decoder's position, leaving it after the value. */
    public static Object decodeNext(Schema schema, StrictBinaryDecoder decoder) throws WireFormatException {
        return reader(schema).decodeNext(decoder);
    }

    /**
     * A reusable, thread-safe strict reader for one schema: building Avro's datum reader costs more
     * than decoding a small record, so code decoding many values keeps one.
     */
    public static Reader reader(Schema schema) {
        return new Reader(schema);
    }

    /** See {@link #reader(Schema)}. */
    public static final class Reader {
        private final Schema schema;
        private final StringReader datumReader;

        private Reader(Schema schema) {
            this.schema = schema;
            this.datumReader = new StringReader(schema);
        }

        /** Decodes all of {@code bytes} as one value; trailing bytes are refused. */
        public Object decode(byte[] bytes) throws WireFormatException {
            StrictBinaryDecoder decoder = new StrictBinaryDecoder(bytes);
            Object value = decodeNext(decoder);
            if (!decoder.isEnd()) {
                throw new WireFormatException(decoder.remainingBytes() + " trailing bytes after " + schema.getName()
                        + " at byte " + decoder.position());
            }
            return value;
        }

        /** Decodes one value from the decoder's position, leaving it after the value. */
        public Object decodeNext(StrictBinaryDecoder decoder) throws WireFormatException {
            int start = decoder.position();
            try {
                return datumReader.read(null, decoder);
            } catch (WireFormatException e) {
                throw new WireFormatException(schema.getName() + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                // Avro's reader signals bad enum/union indexes etc. with runtime exceptions; their
                // messages are not ours to pass on, so name the kind of failure only.
                throw new WireFormatException(schema.getName() + ": malformed binary ("
                        + e.getClass().getSimpleName() + ") in the value starting at byte " + start);
            }
        }
    }

    /** A generic reader that gives strings as java.lang.String rather than Avro's Utf8. */
    private static final class StringReader extends GenericDatumReader<Object> {
        StringReader(Schema schema) {
            super(schema, schema, DATA);
        }

        @Override
        protected Object readString(Object old, Schema expected, Decoder in) throws IOException {
            return in.readString();
        }

        @Override
        protected Object readString(Object old, Decoder in) throws IOException {
            return in.readString();
        }
    }
}
