package io.dsx.schemas.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.dataset.DatasetSchema;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordConverterTest {
    static final String VISITS = """
      {"type":"record","name":"Visit","fields":[
        {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"age","type":"int","dsx.sensitivity":"quasi_identifier"},
        {"name":"born","type":{"type":"int","logicalType":"date"},"dsx.sensitivity":"quasi_identifier"},
        {"name":"seenAt","type":{"type":"long","logicalType":"timestamp-millis"},"dsx.sensitivity":"sensitive"},
        {"name":"weight","type":["null","double"],"default":null,"dsx.sensitivity":"sensitive"},
        {"name":"cost","type":{"type":"bytes","logicalType":"decimal","precision":6,"scale":2},"dsx.sensitivity":"non_sensitive"},
        {"name":"sex","type":{"type":"enum","name":"Sex","symbols":["F","M","X"]},"dsx.sensitivity":"quasi_identifier"},
        {"name":"codes","type":{"type":"array","items":"string"},"default":[],"dsx.sensitivity":"sensitive"},
        {"name":"smoker","type":"boolean","default":false,"dsx.sensitivity":"sensitive"}]}
      """;
    static final List<String> HEADER = List.of("subject", "age", "born", "seenAt", "weight", "cost", "sex", "codes");
    static DatasetSchema schema;
    static RecordConverter converter;

    @BeforeAll
    static void parse() throws Exception {
        schema = DatasetSchema.parse(VISITS);
        converter = new RecordConverter(schema);
    }

    @Test
    void convertsACsvRowWithLogicalTypesNullsAndDefaults() throws Exception {
        GenericRecord r = converter.fromCsv(
                HEADER,
                List.of("p-17", "42", "1982-03-04", "2024-05-01T12:00:00Z", "", "12.50", "F", "[\"I10\",\"E11\"]"));

        assertThat(r.get("subject")).isEqualTo("p-17");
        assertThat(r.get("age")).isEqualTo(42);
        assertThat(r.get("born")).isEqualTo((int) LocalDate.of(1982, 3, 4).toEpochDay());
        assertThat(r.get("seenAt")).isEqualTo(1714564800000L);
        assertThat(r.get("weight")).isNull();
        var decimal =
                (LogicalTypes.Decimal) schema.avro().getField("cost").schema().getLogicalType();
        assertThat(new Conversions.DecimalConversion()
                        .fromBytes(
                                (ByteBuffer) r.get("cost"),
                                schema.avro().getField("cost").schema(),
                                decimal))
                .isEqualTo(new BigDecimal("12.50"));
        assertThat(r.get("sex").toString()).isEqualTo("F");
        assertThat(r.get("codes")).asList().containsExactly("I10", "E11");
        assertThat(r.get("smoker")).isEqualTo(false);
    }

    @Test
    void convertsAnNdjsonLineToTheSameRecordAsTheEquivalentCsvRow() throws Exception {
        GenericRecord fromJson =
                converter.fromJson("{\"subject\":\"p-17\",\"age\":42,\"born\":\"1982-03-04\",\"seenAt\":1714564800000,"
                        + "\"weight\":71.5,\"cost\":12.5,\"sex\":\"F\",\"codes\":[\"I10\"]}");
        GenericRecord fromCsv = converter.fromCsv(
                HEADER, List.of("p-17", "42", "1982-03-04", "2024-05-01T12:00:00Z", "71.5", "12.5", "F", "[\"I10\"]"));

        assertThat(GenericData.get().compare(fromJson, fromCsv, schema.avro())).isZero();
        assertThat(RecordCodec.of(schema).encode(fromJson))
                .isEqualTo(RecordCodec.of(schema).encode(fromCsv));
    }

    @Test
    void namesTheFieldAndTheExpectedTypeButNeverTheValue() {
        assertThatThrownBy(() ->
                        converter.fromCsv(HEADER, List.of("p", "forty-two", "1982-03-04", "0", "", "1", "F", "[]")))
                .isInstanceOfSatisfying(
                        ConversionException.class, e -> assertThat(e.field()).isEqualTo("age"))
                .hasMessage("field 'age': expected int")
                .hasMessageNotContaining("forty-two");
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"p\",\"age\":1,\"born\":\"04/03/1982\"}"))
                .hasMessage("field 'born': expected date as yyyy-MM-dd");
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"p\",\"age\":1e40}"))
                .hasMessage("field 'age': expected int");
        assertThatThrownBy(() -> converter.fromJson(
                        "{\"subject\":\"p\",\"age\":1,\"born\":0,\"seenAt\":0,\"cost\":\"1.234\",\"sex\":\"F\"}"))
                .hasMessage("field 'cost': expected decimal(6,2) that fits exactly");
        assertThatThrownBy(() -> converter.fromJson(
                        "{\"subject\":\"p\",\"age\":1,\"born\":0,\"seenAt\":0,\"cost\":1,\"sex\":\"Q\"}"))
                .hasMessage("field 'sex': expected enum [F, M, X]");
        assertThatThrownBy(
                        () -> converter.fromJson(
                                "{\"subject\":\"p\",\"age\":1,\"born\":0,\"seenAt\":0,\"cost\":1,\"sex\":\"F\",\"codes\":[\"a\",7]}"))
                .hasMessage("field 'codes[1]': expected string");
    }

    @Test
    void refusesMissingRequiredFieldsUnknownFieldsAndBadRows() {
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"p\"}"))
                .hasMessage("field 'age': is missing (expected int)");
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"p\",\"nickname\":\"secret\"}"))
                .hasMessage("field 'nickname': is not a field of Visit");
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"secret-value\""))
                .hasMessageStartingWith("not valid JSON (column")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"a\",\"subject\":\"b\"}"))
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> converter.fromJson("[1]")).hasMessage("expected a JSON object");
        assertThatThrownBy(() -> converter.fromJson("{\"subject\":\"p\",\"age\":1e714564800000}"))
                .isInstanceOf(ConversionException.class)
                .hasMessage("not valid JSON (a number out of range)");
        assertThatThrownBy(() -> converter.fromCsv(HEADER, List.of("only one")))
                .hasMessage("row has 1 cells, the header has 8");
        assertThatThrownBy(() -> converter.fromCsv(List.of("subject", "subject"), List.of("a", "b")))
                .hasMessage("field 'subject': column appears twice in the header");
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String deep = "[".repeat(RecordConverter.MAX_JSON_DEPTH + 1) + "]".repeat(RecordConverter.MAX_JSON_DEPTH + 1);
        assertThatThrownBy(() -> converter.fromJson("{\"codes\":" + deep + "}"))
                .hasMessageStartingWith("not valid JSON");
    }
}
