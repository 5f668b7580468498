package io.dsx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.schemas.wire.AvroBinary;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class EventSchemasRoundTripTest {

  @Test
  void catalogEventsOfEveryKindRoundTripThroughStrictDecoding() throws Exception {
    var union = DsxSchemas.CATALOG_EVENT.getField("event").schema();
    GenericRecord cert = new GenericData.Record(
        union.getTypes().get(0).getField("certificates").schema().getElementType());
    cert.put("keyId", "k1");
    cert.put("certificateDer", ByteBuffer.wrap(new byte[] {0x30, 0x00}));
    GenericRecord registered = record(union.getTypes().get(0), "institutionId", "hospital-a", "displayName", "A");
    registered.put("certificates", List.of(cert));
    GenericRecord revoked = record(union.getTypes().get(1), "institutionId", "hospital-a", "keyId", "k1", "reason", "lost");
    GenericRecord dataset = record(union.getTypes().get(2), "datasetId", "visits", "ownerInstitutionId", "hospital-a",
        "title", "Visits", "description", "Outpatient visits", "schema", "{}");
    dataset.put("duo", List.of("DUO:0000042"));
    GenericRecord version = record(union.getTypes().get(3), "datasetId", "visits", "schema", "{}");
    version.put("schemaVersion", 2);

    for (GenericRecord change : List.of(registered, revoked, dataset, version)) {
      GenericRecord event = record(DsxSchemas.CATALOG_EVENT, "eventId", "0190c0de-1234-7abc-8def-0123456789ab", "actor", "operator");
      event.put("version", 1);
      event.put("occurredAt", 1767323045678L);
      event.put("event", change);
      byte[] bytes = AvroBinary.encode(DsxSchemas.CATALOG_EVENT, event);
      GenericRecord back = (GenericRecord) AvroBinary.decode(DsxSchemas.CATALOG_EVENT, bytes);
      assertThat(((GenericRecord) back.get("event")).getSchema().getName()).isEqualTo(change.getSchema().getName());
      assertThat(AvroBinary.encode(DsxSchemas.CATALOG_EVENT, back)).isEqualTo(bytes);
    }
  }

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
