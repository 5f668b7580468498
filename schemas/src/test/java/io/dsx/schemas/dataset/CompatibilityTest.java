package io.dsx.schemas.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompatibilityTest {
    private static final String KEY =
            "{\"name\":\"subject\",\"type\":\"string\",\"dsx.sensitivity\":\"direct_identifier\",\"dsx.key\":true}";
    private static final String AGE = "{\"name\":\"age\",\"type\":\"int\",\"dsx.sensitivity\":\"quasi_identifier\"}";

    private static DatasetSchema schema(String... fields) throws Exception {
        return DatasetSchema.parse(DatasetSchemaTest.withField(String.join(",", fields)));
    }

    @Test
    void acceptsANewOptionalFieldWithADefault() throws Exception {
        Compatibility.Result r = Compatibility.check(
                schema(KEY, AGE),
                schema(
                        KEY,
                        AGE,
                        "{\"name\":\"ward\",\"type\":[\"null\",\"string\"],\"default\":null,\"dsx.sensitivity\":\"non_sensitive\"}"));
        assertThat(r.compatible()).isTrue();
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void acceptsWideningAnIntToALong() throws Exception {
        assertThat(Compatibility.check(
                                schema(KEY, AGE),
                                schema(
                                        KEY,
                                        "{\"name\":\"age\",\"type\":\"long\",\"dsx.sensitivity\":\"quasi_identifier\"}"))
                        .compatible())
                .isTrue();
    }

    @Test
    void refusesANewFieldWithoutADefaultAndSaysWhichOne() throws Exception {
        Compatibility.Result r = Compatibility.check(schema(KEY), schema(KEY, AGE));
        assertThat(r.compatible()).isFalse();
        assertThat(r.reasons())
                .singleElement()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("age");
    }

    @Test
    void refusesNarrowingALongToAnInt() throws Exception {
        Compatibility.Result r = Compatibility.check(
                schema(KEY, "{\"name\":\"age\",\"type\":\"long\",\"dsx.sensitivity\":\"quasi_identifier\"}"),
                schema(KEY, AGE));
        assertThat(r.compatible()).isFalse();
        assertThat(r.reasons())
                .singleElement()
                .asString()
                .contains("TYPE_MISMATCH")
                .contains("/fields/1");
    }

    @Test
    void refusesMovingTheKeyToAnotherField() throws Exception {
        String other =
                "{\"name\":\"other\",\"type\":\"string\",\"default\":\"\",\"dsx.sensitivity\":\"direct_identifier\",\"dsx.key\":true}";
        String unkeyed = "{\"name\":\"subject\",\"type\":\"string\",\"dsx.sensitivity\":\"direct_identifier\"}";
        Compatibility.Result r = Compatibility.check(schema(KEY), schema(unkeyed, other));
        assertThat(r.compatible()).isFalse();
        assertThat(r.reasons()).containsExactly("the dsx.key field changed from subject to other");
    }

    @Test
    void refusesLoweringAFieldsSensitivityButAllowsRaisingItToDirectIdentifier() throws Exception {
        String ageNonSensitive = "{\"name\":\"age\",\"type\":\"int\",\"dsx.sensitivity\":\"non_sensitive\"}";
        String ageDirect = "{\"name\":\"age\",\"type\":\"int\",\"dsx.sensitivity\":\"direct_identifier\"}";
        Compatibility.Result lowered = Compatibility.check(schema(KEY, AGE), schema(KEY, ageNonSensitive));
        assertThat(lowered.compatible()).isFalse();
        assertThat(lowered.reasons())
                .singleElement()
                .asString()
                .startsWith("field 'age' was quasi_identifier")
                .endsWith("not non_sensitive");
        assertThat(Compatibility.check(schema(KEY, AGE), schema(KEY, ageDirect)).compatible())
                .isTrue();
    }
}
