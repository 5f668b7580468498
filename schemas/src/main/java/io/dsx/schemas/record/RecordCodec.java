package io.dsx.schemas.record;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** A dataset record to and from the Avro binary of a given schema version. */
public final class RecordCodec {
  private RecordCodec() {}

  /**
   * Avro binary of {@code record} under {@code schema}.
   *
   * @throws IllegalArgumentException naming the first field whose value does not fit its type
   */
  public static byte[] encode(DatasetSchema schema, GenericRecord record) {
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

  /** Decodes exactly one record: malformed, truncated or trailing bytes are refused whole. */
  public static GenericRecord decode(DatasetSchema schema, byte[] bytes) throws WireFormatException {
    return (GenericRecord) AvroBinary.decode(schema.avro(), bytes);
  }
}
