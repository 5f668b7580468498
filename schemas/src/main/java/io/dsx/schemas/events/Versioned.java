package io.dsx.schemas.events;

import io.dsx.schemas.wire.AvroBinary;
import io.dsx.schemas.wire.StrictBinaryDecoder;
import io.dsx.schemas.wire.WireFormatException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Strict decoding of a record whose first field is {@code version int} (the first field of the body for a receipt), refusing other versions. */
final class Versioned {
    private Versioned() {}

    static GenericRecord decode(Schema schema, byte[] bytes, String what, int supported) throws WireFormatException {
        // the version is read first, so an older layout is named as such rather than called malformed
        int version = new StrictBinaryDecoder(bytes).readInt();
        if (version != supported) {
            throw new WireFormatException(
                    what + " version " + version + " is not supported (expected " + supported + ")");
        }
        return (GenericRecord) AvroBinary.decode(schema, bytes);
    }
}
