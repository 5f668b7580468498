package io.dsx.policy.builtins.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.builtins.plain.PlainJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    private static List<SchemaError> run(String schema, String doc) {
        Object s = PlainJson.parse(schema);
        SchemaCompiler.check(s);
        return SchemaValidator.validate(s, PlainJson.parse(doc));
    }

    @Test
    void wrongPropertyTypeIsReportedLikeGojsonschema() {
        List<SchemaError> errors =
                run("{\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}", "{\"id\":\"foo\"}");
        assertThat(errors)
                .containsExactly(
                        new SchemaError("invalid_type", "id", "Invalid type. Expected: integer, given: string"));
        assertThat(errors.get(0).toPlain())
                .containsEntry("error", "id: Invalid type. Expected: integer, given: string");
    }

    @Test
    void matchingDocumentHasNoErrors() {
        assertThat(run("{\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}", "{\"id\":5.0}"))
                .isEmpty();
    }

    @Test
    void missingRequiredPropertyIsReportedAtTheRoot() {
        assertThat(run("{\"required\":[\"id\"]}", "{}"))
                .containsExactly(new SchemaError("required", "(root)", "id is required"));
    }

    @Test
    void unknownPrimitiveTypeMakesTheSchemaInvalid() {
        assertThatThrownBy(() -> SchemaCompiler.check(PlainJson.parse("{\"type\":\"unknown\"}")))
                .hasMessage("has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:"
                        + "[array boolean integer number null object string]");
    }

    @Test
    void nestedArraysBoundsEnumsAndLocalRefsAreChecked() {
        String schema = "{\"definitions\":{\"small\":{\"type\":\"integer\",\"maximum\":3}},"
                + "\"properties\":{\"xs\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/small\"},\"maxItems\":2},"
                + "\"c\":{\"enum\":[\"red\",\"blue\"]}},\"additionalProperties\":false}";
        List<SchemaError> errors = run(schema, "{\"xs\":[1,5,2],\"c\":\"green\",\"extra\":true}");
        assertThat(errors)
                .extracting(SchemaError::type)
                .containsExactlyInAnyOrder("number_lte", "array_max_items", "enum", "additional_property_not_allowed");
        assertThat(errors).extracting(SchemaError::field).contains("xs.1", "c", "(root)");
    }

    @Test
    void selfReferencingSchemasTerminate() {
        assertThat(run("{\"$ref\":\"#\"}", "{\"a\":1}")).isEmpty();
        String tree = "{\"type\":\"object\",\"properties\":{\"kids\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}},"
                + "\"n\":{\"type\":\"integer\"}}}";
        assertThat(run(tree, "{\"n\":1,\"kids\":[{\"n\":2,\"kids\":[{\"n\":\"x\"}]}]}"))
                .extracting(SchemaError::field)
                .containsExactly("kids.0.kids.0.n");
    }
}
