package io.dsx.policy.builtins.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsx.policy.builtins.plain.PlainJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphqlDocumentsTest {

    private static final String LOCALE_SCHEMA = """
      extend type Query {
          myAction(myEnum: Locale!): SomeResult!
      }
      type SomeResult {
          id: String
      }
      enum Locale {
          EN
          LT
          DE
      }
      """;

    private static String json(Object plain) {
        return PlainJson.write(plain);
    }

    @Test
    void schemaAstKeepsEmptyDescriptionsAndDropsEmptyLists() {
        assertThat(json(GraphqlDocuments.parseSchema("type Hello { world(flag: Boolean = true): String }")))
                .isEqualTo(
                        "{\"Definitions\":[{\"BuiltIn\":false,\"Description\":\"\",\"Fields\":[{\"Arguments\":[{\"DefaultValue\":"
                                + "{\"ExpectedTypeHasDefault\":false,\"Kind\":5,\"Raw\":\"true\"},\"Description\":\"\",\"Name\":\"flag\","
                                + "\"Type\":{\"NamedType\":\"Boolean\",\"NonNull\":false}}],\"Description\":\"\",\"Name\":\"world\","
                                + "\"Type\":{\"NamedType\":\"String\",\"NonNull\":false}}],\"Kind\":\"OBJECT\",\"Name\":\"Hello\"}]}");
    }

    @Test
    void blockDescriptionsAreDedented() {
        Object ast =
                GraphqlDocuments.parseSchema("\n  \"\"\"\n  Description\n  \"\"\"\n  type Hello { world: String }\n");
        assertThat(json(ast)).contains("\"Description\":\"Description\"");
    }

    @Test
    void queryAstMatchesGqlparserShape() {
        assertThat(json(GraphqlDocuments.parseQuery("{hero {name}}")))
                .isEqualTo(
                        "{\"Operations\":[{\"Name\":\"\",\"Operation\":\"query\",\"SelectionSet\":[{\"Alias\":\"hero\",\"Name\":\"hero\","
                                + "\"SelectionSet\":[{\"Alias\":\"name\",\"Name\":\"name\"}]}]}]}");
    }

    @Test
    void syntaxErrorsCarryGqlparserTextsAndLocations() {
        assertThatThrownBy(() -> GraphqlDocuments.parseSchema("type Hello {}"))
                .hasMessage("expected at least one definition, found } in GraphQL string at location 1:13");
        assertThatThrownBy(() -> GraphqlDocuments.parseSchema("union Hello = Wo || Rld"))
                .hasMessage("Expected Name, found | in GraphQL string at location 1:19");
        assertThatThrownBy(() ->
                        GraphqlDocuments.parseSchema("\n  \"Description\"\n  extend type Hello { world: String }"))
                .hasMessage("Unexpected String \"Description\" in GraphQL string at location 2:4");
        assertThatThrownBy(() -> GraphqlDocuments.parseSchema("extend type Hello"))
                .hasMessage("Unexpected <EOF> in GraphQL string at location 1:18");
    }

    @Test
    void missingRequiredArgumentIsReportedAtTheField() {
        String query = "\n  query SomeOperation {\n    # no myEnum\n    myAction {\n      id\n    }\n  }\n";
        assertThatThrownBy(() -> GraphqlDocuments.parseAndValidate(
                        GraphqlDocuments.rawQuery(query), GraphqlDocuments.rawSchema(LOCALE_SCHEMA)))
                .hasMessage(
                        "Field \"myAction\" argument \"myEnum\" of type \"Locale!\" is required, but it was not provided"
                                + " in GraphQL string at location 4:5");
    }

    @Test
    void queryUsingVariablesThroughFragmentsValidates() {
        String schema = "type Query { bar: String! }";
        String query = "query Foo($flag: Boolean!) { ...Bar } fragment Bar on Query { bar @include(if: $flag) }";
        assertThat(GraphqlDocuments.parseAndValidate(
                        GraphqlDocuments.rawQuery(query), GraphqlDocuments.rawSchema(schema)))
                .hasSize(2);
    }

    @Test
    void schemaRulesRejectEmptyAndDanglingDefinitions() {
        assertThatThrownBy(() ->
                        GraphqlDocuments.schema(GraphqlDocuments.rawSchema("extend type Hello implements Greeting")))
                .hasMessageContaining("Undefined type \"Greeting\"");
        assertThatThrownBy(() -> GraphqlDocuments.schema(GraphqlDocuments.rawSchema("schema { query: Query }")))
                .hasMessageContaining("Schema root query refers to a type Query that does not exist");
        assertThat(GraphqlDocuments.schema(GraphqlDocuments.rawSchema(LOCALE_SCHEMA)).query)
                .isEqualTo("Query");
    }

    @Test
    void prunedAstObjectsValidateLikeParsedOnes() {
        Map<String, Object> schema = PlainJson.parseObject(
                json(GraphqlDocuments.parseSchema("type Query { bar: String! } type Mutation { x: String! }")));
        Map<String, Object> query = PlainJson.parseObject(json(GraphqlDocuments.parseQuery("mutation{x(a:b)}")));
        assertThatThrownBy(() -> GraphqlDocuments.parseAndValidate(query, schema))
                .hasMessageStartingWith("Unknown argument \"a\" on field \"Mutation.x\"");
    }

    private static void validate(String query, String schema) {
        GraphqlDocuments.parseAndValidate(GraphqlDocuments.rawQuery(query), GraphqlDocuments.rawSchema(schema));
    }

    @Test
    void fragmentCyclesAreRejected() {
        String schema = "type Query { a: A } type A { b: String a: A }";
        assertThatThrownBy(() ->
                        validate("{ a { ...X } } fragment X on A { a { ...Y } } fragment Y on A { ...X }", schema))
                .hasMessageStartingWith("Cannot spread fragment \"X\" within itself via \"Y\"");
    }

    @Test
    void literalArgumentsMustFitTheirTypes() {
        assertThatThrownBy(() -> validate("{ myAction(myEnum: FR) { id } }", LOCALE_SCHEMA))
                .hasMessageStartingWith("Value \"FR\" does not exist in \"Locale\" enum");
        assertThatThrownBy(() -> validate("{ myAction(myEnum: \"EN\") { id } }", LOCALE_SCHEMA))
                .hasMessageStartingWith("Enum \"Locale\" cannot represent non-enum value: \"EN\"");
        String schema = "type Query { f(n: Int, xs: [Float!]): String }";
        assertThatThrownBy(() -> validate("{ f(n: 1.5) }", schema))
                .hasMessageStartingWith("Expected value of type \"Int\"");
        validate("{ f(n: 2, xs: [1, 2.5]) }", schema);
        validate("{ f(xs: 3) }", schema);
    }

    @Test
    void absurdNestingIsRefusedInsteadOfExhaustingTheStack() {
        String deep = "{ a".repeat(10_000) + " }".repeat(10_000);
        assertThatThrownBy(() -> GraphqlDocuments.parseQuery(deep))
                .hasMessageContaining("nests deeper than 256 levels");
    }

    @Test
    void variablesMustFitTheArgumentTheyFeed() {
        assertThatThrownBy(() -> validate("query Q($l: Locale) { myAction(myEnum: $l) { id } }", LOCALE_SCHEMA))
                .hasMessageStartingWith(
                        "Variable \"$l\" of type \"Locale\" used in position expecting type \"Locale!\"");
        validate("query Q($l: Locale = EN) { myAction(myEnum: $l) { id } }", LOCALE_SCHEMA);
    }

    @Test
    void fragmentsMustBePossibleOnTheirParentAndSubscriptionsSelectOneField() {
        String schema =
                "type Query { a: A } type A { x: String } type B { y: String } type Subscription { s: String t: String }";
        assertThatThrownBy(() -> validate("{ a { ... on B { y } } }", schema))
                .hasMessageStartingWith(
                        "Fragment cannot be spread here as objects of type \"A\" can never be of type \"B\"");
        assertThatThrownBy(() -> validate("subscription S { s t }", schema))
                .hasMessageStartingWith("Subscription \"S\" must select only one top level field");
    }
}
