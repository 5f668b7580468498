package io.dsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.schemas.wire.AvroBinary;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class EventSchemasRoundTripTest {

  @Test
  void wrappedDekRoundTrips() throws Exception {
    GenericRecord dek = record(DsxSchemas.WRAPPED_DEK, "datasetId", "visits", "dekId", "dek-1", "kekId", "kek-1",
        "wrapAlgorithm", "AES-256-GCM");
    dek.put("version", 1);
    dek.put("wrappedKey", ByteBuffer.wrap(new byte[60]));
    dek.put("createdAt", 0L);
    dek.put("retired", false);
    byte[] bytes = AvroBinary.encode(DsxSchemas.WRAPPED_DEK, dek);
    assertThat(AvroBinary.decode(DsxSchemas.WRAPPED_DEK, bytes)).isEqualTo(dek);
  }

  private static GenericRecord record(org.apache.avro.Schema schema, String... namesAndValues) {
    GenericRecord r = new GenericData.Record(schema);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      r.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return r;
  }
}
