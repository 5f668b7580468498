package io.dsx.schemas.events;

import io.dsx.schemas.DsxSchemas;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Sample audit events for tests and golden vectors (chain fields left to the Appender). */
final class AuditEvents {
  private AuditEvents() {}

  static GenericRecord read(int n) {
    GenericRecord bundle = new GenericData.Record(DsxSchemas.AUDIT_EVENT.getField("bundles").schema().getValueType());
    bundle.put("revision", "sha256:" + "ab".repeat(32));
    GenericRecord dsx = new GenericData.Record(DsxSchemas.AUDIT_EVENT.getField("dsx").schema());
    dsx.put("action", "read");
    dsx.put("subject", "job-" + n);
    dsx.put("dataset", "visits");
    dsx.put("fields", List.of("age", "diagnosis"));
    dsx.put("record_count", 2L);
    dsx.put("offsets", "[{\"partition\":0,\"first\":0,\"last\":1}]");
    dsx.put("job_id", "job-" + n);
    dsx.put("grant_id", "grant-1");
    dsx.put("outcome", "allowed");
    GenericRecord e = new GenericData.Record(DsxSchemas.AUDIT_EVENT);
    e.put("decision_id", "00000000-0000-4000-8000-00000000000" + n);
    e.put("timestamp", "2026-01-02T03:04:0" + n + "Z");
    e.put("path", "dsx/read/decision");
    e.put("input", "{\"action\":\"read\"}");
    e.put("result", "{\"allow\":true,\"fields\":[\"age\",\"diagnosis\"]}");
    e.put("bundles", Map.of("dsx", bundle));
    e.put("labels", Map.of("gateway", "gw-1", "version", "0.1.0"));
    e.put("dsx", dsx);
    return e;
  }
}
