package io.dsx.schemas.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.schemas.dataset.DatasetSchemaException.Problem;
import org.junit.jupiter.api.Test;

class DatasetSchemaTest {
    static final String PATIENTS = """
      {"type":"record","name":"Patient","namespace":"org.example","fields":[
        {"name":"subject","type":"string","dsx.sensitivity":"direct_identifier","dsx.key":true},
        {"name":"birthYear","type":"int","dsx.sensitivity":"quasi_identifier"},
        {"name":"diagnosis","type":"string","dsx.sensitivity":"sensitive","dsx.tags":["diagnosis","icd10"]},
        {"name":"ward","type":["null","string"],"default":null,"dsx.sensitivity":"non_sensitive"}]}
      """;

    static String withField(String field) {
        return """
        {"type":"record","name":"R","fields":[%s]}""".formatted(field);
    }

    @Test
    void readsSensitivityTagsAndTheKeyFieldOfEveryField() throws Exception {
        DatasetSchema schema = DatasetSchema.parse(PATIENTS);

        assertThat(schema.fields())
                .extracting(DatasetField::name, DatasetField::sensitivity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("subject", Sensitivity.DIRECT_IDENTIFIER),
                        org.assertj.core.groups.Tuple.tuple("birthYear", Sensitivity.QUASI_IDENTIFIER),
                        org.assertj.core.groups.Tuple.tuple("diagnosis", Sensitivity.SENSITIVE),
                        org.assertj.core.groups.Tuple.tuple("ward", Sensitivity.NON_SENSITIVE));
        assertThat(schema.field("diagnosis").orElseThrow().tags()).containsExactly("diagnosis", "icd10");
        assertThat(schema.keyField()).map(DatasetField::name).contains("subject");
        assertThat(schema.policyFields().get("diagnosis")).containsEntry("sensitivity", "sensitive");
    }

    @Test
    void refusesAFieldWithoutSensitivityRatherThanGuessing() {
        assertProblem(withField("{\"name\":\"age\",\"type\":\"int\"}"), Problem.MISSING_SENSITIVITY, "'age'");
    }

    @Test
    void refusesAnUnknownSensitivityValue() {
        assertProblem(
                withField("{\"name\":\"age\",\"type\":\"int\",\"dsx.sensitivity\":\"secret\"}"),
                Problem.BAD_SENSITIVITY,
                "'secret' is not one of");
    }

    @Test
    void refusesAMisspelledDsxProperty() {
        assertProblem(
                withField("{\"name\":\"a\",\"type\":\"int\",\"dsx.sensitivity\":\"sensitive\",\"dsx.tag\":[\"x\"]}"),
                Problem.UNKNOWN_DSX_PROPERTY,
                "dsx.tag");
    }

    @Test
    void refusesDsxTagsOnNestedFieldsWhereTheyWouldBeIgnored() {
        assertProblem(
                withField(
                        "{\"name\":\"address\",\"dsx.sensitivity\":\"quasi_identifier\",\"type\":{\"type\":\"record\","
                                + "\"name\":\"Address\",\"fields\":[{\"name\":\"city\",\"type\":\"string\",\"dsx.sensitivity\":\"non_sensitive\"}]}}"),
                Problem.NESTED_DSX_PROPERTY,
                "field 'address.city': dsx.sensitivity is only read on top-level fields; classify 'address'");
    }

    @Test
    void refusesTagsThatAreNotAnArrayOfSimpleStrings() {
        assertProblem(
                withField("{\"name\":\"a\",\"type\":\"int\",\"dsx.sensitivity\":\"sensitive\",\"dsx.tags\":\"x\"}"),
                Problem.BAD_TAGS,
                "array");
        assertProblem(
                withField(
                        "{\"name\":\"a\",\"type\":\"int\",\"dsx.sensitivity\":\"sensitive\",\"dsx.tags\":[\"Has Space\"]}"),
                Problem.BAD_TAGS,
                "must match");
    }

    @Test
    void refusesTwoKeyFields() {
        String f = "{\"name\":\"%s\",\"type\":\"string\",\"dsx.sensitivity\":\"direct_identifier\",\"dsx.key\":true}";
        assertProblem(withField(f.formatted("a") + "," + f.formatted("b")), Problem.TWO_KEYS, "[a, b]");
    }

    @Test
    void refusesAKeyOnANonStringOrNullableField() {
        assertProblem(
                withField("{\"name\":\"n\",\"type\":\"long\",\"dsx.sensitivity\":\"sensitive\",\"dsx.key\":true}"),
                Problem.KEY_NOT_STRING,
                "LONG");
        assertProblem(
                withField(
                        "{\"name\":\"n\",\"type\":[\"null\",\"string\"],\"dsx.sensitivity\":\"sensitive\",\"dsx.key\":true}"),
                Problem.KEY_NOT_STRING,
                "UNION");
        assertProblem(
                withField("{\"name\":\"n\",\"type\":\"string\",\"dsx.sensitivity\":\"sensitive\",\"dsx.key\":\"yes\"}"),
                Problem.BAD_KEY,
                "true or false");
    }

    @Test
    void refusesNonRecordsInvalidAvroAndOversizedOrDeepInput() {
        assertProblem("\"string\"", Problem.NOT_A_RECORD, "STRING");
        assertProblem("{\"type\":\"record\"", Problem.INVALID_AVRO, "not a valid Avro schema");
        assertProblem(" ".repeat(DatasetSchema.MAX_SCHEMA_CHARS + 1), Problem.TOO_LARGE, "limit");
        assertProblem("[".repeat(DatasetSchema.MAX_DEPTH + 1), Problem.TOO_DEEP, "deeper than");
    }

    @Test
    void depthCountsOnlyBracketsOutsideStrings() throws Exception {
        String doc = "[".repeat(DatasetSchema.MAX_DEPTH * 2) + "\\\"";
        DatasetSchema schema = DatasetSchema.parse(withField(
                "{\"name\":\"a\",\"type\":\"int\",\"doc\":\"" + doc + "\",\"dsx.sensitivity\":\"sensitive\"}"));
        assertThat(schema.fields()).hasSize(1);
    }

    private static void assertProblem(String avsc, Problem problem, String messagePart) {
        assertThatThrownBy(() -> DatasetSchema.parse(avsc))
                .isInstanceOfSatisfying(
                        DatasetSchemaException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(messagePart);
    }
}
