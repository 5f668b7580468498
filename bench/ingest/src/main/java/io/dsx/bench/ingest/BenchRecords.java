package io.dsx.bench.ingest;

import io.dsx.schemas.dataset.DatasetSchema;
import java.net.http.HttpResponse;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The benchmarks' dataset: one schema of seven fields, one for each sensitivity, and records of about a given size. */
public final class BenchRecords {

    public static final String SCHEMA = """
            {"type":"record","name":"Encounter","namespace":"bench","fields":[
              {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
              {"name":"postcode","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"diagnosis","type":"string","dsx.sensitivity":"sensitive","dsx.tags":["diagnosis"]},
              {"name":"medication","type":"string","dsx.sensitivity":"sensitive"},
              {"name":"notes","type":"string","dsx.sensitivity":"sensitive"},
              {"name":"ward","type":"string","dsx.sensitivity":"non_sensitive"}]}""";

    private BenchRecords() {}

    /** Record {@code n}: about {@code recordBytes} bytes of Avro, three free-text fields filling most of it. */
    public static GenericRecord record(DatasetSchema schema, Random random, int n, int recordBytes) {
        int free = Math.max(8, (recordBytes - 60) / 3);
        GenericRecord r = new GenericData.Record(schema.avro());
        r.put("subject", String.format("subj-%010d", n));
        r.put("age", 18 + random.nextInt(80));
        r.put("postcode", String.format("%05d", random.nextInt(100_000)));
        r.put("diagnosis", "ICD10:" + (char) ('A' + random.nextInt(26)) + random.nextInt(100));
        r.put("medication", text(random, free));
        r.put("notes", text(random, free));
        r.put("ward", text(random, free));
        return r;
    }

    private static String text(Random random, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }

    public static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }
}
