package io.dsx.gateway.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.schemas.record.RecordCodec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/** The raw projection against the reference: ReadShape.apply on the decoded record. */
class RawProjectionTest {

    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Visit","namespace":"t","fields":[
              {"name":"patient","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
              {"name":"birth_year","type":"int","dsx.sensitivity":"quasi_identifier"},
              {"name":"weight","type":["null","double"],"dsx.sensitivity":"quasi_identifier"},
              {"name":"postcode","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"visit_date","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"seen","type":{"type":"int","logicalType":"date"},"dsx.sensitivity":"quasi_identifier"},
              {"name":"ward","type":["null","string"],"dsx.sensitivity":"non_sensitive"},
              {"name":"notes","type":"string","dsx.sensitivity":"sensitive"},
              {"name":"scan","type":"bytes","dsx.sensitivity":"sensitive"},
              {"name":"count","type":"long","dsx.sensitivity":"non_sensitive"},
              {"name":"ratio","type":"float","dsx.sensitivity":"non_sensitive"},
              {"name":"consent","type":"boolean","dsx.sensitivity":"non_sensitive"}]}""");

    static final Map<String, Object> OBLIGATIONS = Map.of(
            "mask",
            Map.of(
                    "birth_year", "bucket:5",
                    "weight", "bucket:10",
                    "postcode", "hash",
                    "visit_date", "month",
                    "seen", "year",
                    "notes", "truncate:3",
                    "ward", "redact"),
            "row_filter",
            List.of(Map.of("field", "consent", "op", "eq", "value", true)));

    static GenericRecord visit(Random random, int i) {
        GenericData.Record r = new GenericData.Record(SCHEMA);
        r.put("patient", "p-" + i);
        r.put("birth_year", 1930 + random.nextInt(90));
        r.put("weight", i % 3 == 0 ? null : 40 + random.nextDouble() * 80);
        r.put("postcode", "PC" + random.nextInt(1000));
        r.put("visit_date", "2024-0" + (1 + random.nextInt(9)) + "-15");
        r.put("seen", 19_000 + random.nextInt(1000));
        r.put("ward", i % 5 == 0 ? null : "wärd-" + i);
        r.put("notes", "x".repeat(random.nextInt(200)));
        r.put("scan", java.nio.ByteBuffer.wrap(new byte[random.nextInt(40)]));
        r.put("count", random.nextLong());
        r.put("ratio", random.nextFloat());
        r.put("consent", i % 4 != 0);
        return r;
    }

    @Test
    void projectsEveryRecordExactlyAsTheDecodedPathDoes() throws Exception {
        ReadShape shape = ReadShape.of(
                SCHEMA,
                List.of(
                        "birth_year",
                        "count",
                        "notes",
                        "postcode",
                        "ratio",
                        "scan",
                        "seen",
                        "visit_date",
                        "ward",
                        "weight"),
                OBLIGATIONS);
        RawProjection raw = RawProjection.of(shape, SCHEMA);
        assertThat(raw).isNotNull();
        RecordCodec codec = RecordCodec.of(io.dsx.schemas.dataset.DatasetSchema.parse(SCHEMA.toString()));
        GenericDatumReader<GenericRecord> projected = new GenericDatumReader<>(shape.projected());
        Random random = new Random(7);
        int kept = 0;
        for (int i = 0; i < 500; i++) {
            GenericRecord record = visit(random, i);
            byte[] stored = codec.encode(record);
            byte[] framed = new byte[stored.length + 5];
            System.arraycopy(stored, 0, framed, 5, stored.length);
            MaskKey key = MaskKey.forGrant(new byte[32], "g");
            GenericRecord expected = shape.apply(record, MaskKey.forGrant(new byte[32], "g"));
            boolean passed = raw.project(framed, 5, stored.length, key);
            assertThat(passed).isEqualTo(expected != null);
            assertThat(raw.subject(framed)).isEqualTo("p-" + i);
            if (passed) {
                kept++;
                GenericRecord got =
                        projected.read(null, DecoderFactory.get().binaryDecoder(raw.bytes(), 0, raw.length(), null));
                assertThat(got).isEqualTo(GenericData.get().deepCopy(shape.projected(), expected));
            }
        }
        assertThat(kept).isEqualTo(375);
    }

    @Test
    void aWriterWithANestedFieldOrAnotherTypeIsLeftToTheDecoder() throws Exception {
        ReadShape shape = ReadShape.of(SCHEMA, List.of("ward", "count"), OBLIGATIONS);
        Schema nested = new Schema.Parser()
                .parse(
                        SCHEMA.toString()
                                .replace(
                                        "{\"name\":\"count\",\"type\":\"long\"",
                                        "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}},{\"name\":\"count\",\"type\":\"long\""));
        assertThat(RawProjection.of(shape, nested)).isNull();
        Schema older = new Schema.Parser()
                .parse(SCHEMA.toString()
                        .replace("\"name\":\"count\",\"type\":\"long\"", "\"name\":\"count\",\"type\":\"int\""));
        assertThat(RawProjection.of(shape, older)).isNull();
    }
}
