package io.dsx.schemas.events;

import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.WireFormatException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Strict decoding of a record whose first field is {@code version int}, refusing other versions. */
final class Versioned {
  private Versioned() {}

  static GenericRecord decode(Schema schema, byte[] bytes, String what, int supported)
      throws WireFormatException {
    GenericRecord r = (GenericRecord) AvroBinary.decode(schema, bytes);
    int version = (Integer) r.get("version");
    if (version != supported) {
      throw new WireFormatException(what + " version " + version + " is not supported");
    }
    return r;
  }
}
