package io.dsx.schemas.record;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A dataset record to and from the Avro binary of one schema version. Keep one per schema
 * version: it holds the prepared reader. Thread-safe.
 */
public final class RecordCodec {
    private final DatasetSchema schema;
    private final AvroBinary.Reader reader;

    private RecordCodec(DatasetSchema schema) {
        this.schema = schema;
        this.reader = AvroBinary.reader(schema.avro());
    }

    public static RecordCodec of(DatasetSchema schema) {
        return new RecordCodec(schema);
    }

    public DatasetSchema schema() {
        return schema;
    }

    /**
     * Avro binary of {@code record}.
     *
     * @throws IllegalArgumentException naming the first field whose value does not fit its type
     */
    public byte[] encode(GenericRecord record) {
        Schema avro = schema.avro();
        for (Schema.Field f : avro.getFields()) {
            Object value = record.getSchema().getField(f.name()) == null ? null : record.get(f.name());
            if (!GenericData.get().validate(f.schema(), value)) {
                throw new IllegalArgumentException(
                        "field '" + f.name() + "' does not hold a value of type " + TypeNames.describe(f.schema()));
            }
        }
        return AvroBinary.encode(avro, record);
    }

    /**
     * The Kafka record key of {@code record}: the UTF-8 bytes of its {@code dsx.key} field, or
     * empty when the schema marks no key field.
     */
    public Optional<byte[]> keyOf(GenericRecord record) {
        return schema.keyField().map(f -> String.valueOf(record.get(f.name())).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes exactly one record: malformed, truncated or trailing bytes are refused whole. */
    public GenericRecord decode(byte[] bytes) throws WireFormatException {
        return (GenericRecord) reader.decode(bytes);
    }
}
