package io.dsx.gateway.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ReadShapeTest {

    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Visit","namespace":"t","fields":[
              {"name":"patient","type":"string","dsx.sensitivity":"direct_identifier"},
              {"name":"birth_year","type":"int","dsx.sensitivity":"quasi_identifier"},
              {"name":"postcode","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"visit_date","type":"string","dsx.sensitivity":"quasi_identifier"},
              {"name":"seen","type":{"type":"int","logicalType":"date"},"dsx.sensitivity":"quasi_identifier"},
              {"name":"ward","type":["null","string"],"dsx.sensitivity":"non_sensitive"},
              {"name":"consent","type":"boolean","dsx.sensitivity":"non_sensitive"}]}""");

    static GenericRecord visit(String patient, int birthYear, String postcode, boolean consent) {
        GenericData.Record r = new GenericData.Record(SCHEMA);
        r.put("patient", patient);
        r.put("birth_year", birthYear);
        r.put("postcode", postcode);
        r.put("visit_date", "2024-03-15");
        r.put("seen", 19797); // 2024-03-15
        r.put("ward", "cardiology");
        r.put("consent", consent);
        return r;
    }

    static final Map<String, Object> OBLIGATIONS = Map.of(
            "mask", Map.of("birth_year", "bucket:5", "postcode", "hash", "visit_date", "month", "seen", "year"),
            "row_filter", List.of(Map.of("field", "consent", "op", "eq", "value", true)));

    @Test
    void theProjectedSchemaHoldsExactlyThePermittedFields() throws Exception {
        ReadShape shape =
                ReadShape.of(SCHEMA, List.of("birth_year", "postcode", "visit_date", "seen", "ward"), OBLIGATIONS);
        assertThat(shape.projected().getFields())
                .extracting(Schema.Field::name)
                .containsExactly("birth_year", "postcode", "visit_date", "seen", "ward");
        assertThat(shape.projected().getField("postcode").getProp("dsx.mask")).isEqualTo("hash");
        GenericRecord out = shape.apply(visit("p-1", 1983, "1012AB", true), MaskKey.forGrant(new byte[32], "g-1"));
        assertThat(out.getSchema()).isEqualTo(shape.projected());
        assertThat(out.get("birth_year")).isEqualTo(1980L);
        assertThat(out.get("visit_date")).isEqualTo("2024-03");
        assertThat(out.get("seen")).isEqualTo("2024");
        assertThat(out.get("ward")).isEqualTo("cardiology");
        assertThat(out.get("postcode").toString()).isNotEqualTo("1012AB").hasSize(22);
        assertThat(out.toString()).doesNotContain("p-1").doesNotContain("1012AB");
    }

    @Test
    void rowFiltersDropRecordsWithoutConsent() throws Exception {
        ReadShape shape = ReadShape.of(SCHEMA, List.of("ward"), OBLIGATIONS);
        assertThat(shape.apply(visit("p-1", 1983, "x", false), MaskKey.forGrant(new byte[32], "g")))
                .isNull();
        assertThat(shape.apply(visit("p-1", 1983, "x", true), MaskKey.forGrant(new byte[32], "g")))
                .isNotNull();
    }

    @Test
    void theKeyedHashIsStableWithinAGrantAndDiffersAcrossGrants() throws Exception {
        ReadShape shape = ReadShape.of(SCHEMA, List.of("postcode"), OBLIGATIONS);
        byte[] root = new byte[32];
        root[0] = 7;
        Object a1 = shape.apply(visit("p", 1, "1012AB", true), MaskKey.forGrant(root, "grant-a"))
                .get("postcode");
        Object a2 = shape.apply(visit("q", 2, "1012AB", true), MaskKey.forGrant(root, "grant-a"))
                .get("postcode");
        Object b = shape.apply(visit("p", 1, "1012AB", true), MaskKey.forGrant(root, "grant-b"))
                .get("postcode");
        assertThat(a1).isEqualTo(a2).isNotEqualTo(b);
    }

    @Test
    void obligationsDsxCannotEnforceRefuseTheRead() {
        assertThatThrownBy(() -> ReadShape.of(SCHEMA, List.of("ward"), Map.of("mask", Map.of("ward", "scramble"))))
                .isInstanceOf(ReadShape.Unenforceable.class);
        assertThatThrownBy(
                        () -> ReadShape.of(SCHEMA, List.of("postcode"), Map.of("mask", Map.of("postcode", "bucket:5"))))
                .hasMessageContaining("non-numeric");
        assertThatThrownBy(() -> ReadShape.of(
                        SCHEMA,
                        List.of("ward"),
                        Map.of("row_filter", List.of(Map.of("field", "consent", "op", "like", "value", "%")))))
                .isInstanceOf(ReadShape.Unenforceable.class);
        assertThatThrownBy(() -> ReadShape.of(SCHEMA, List.of("salary"), Map.of()))
                .hasMessageContaining("salary");
    }

    @Test
    void masksFollowTheirDefinitions() {
        Schema s = Schema.create(Schema.Type.STRING);
        assertThat(ReadShape.mask(Mask.parse("truncate:3"), "1012AB", s, null)).isEqualTo("101");
        assertThat(ReadShape.mask(Mask.parse("redact"), "x", s, null)).isNull();
        assertThat(ReadShape.mask(Mask.parse("bucket:10"), -3, Schema.create(Schema.Type.INT), null))
                .isEqualTo(-10L);
        assertThat(ReadShape.mask(Mask.parse("month"), "not a date", s, null)).isNull();
        assertThat(Mask.parse("truncate:0")).isNull();
        assertThat(Mask.parse(7)).isNull();
    }
}
