package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.util.List;
import java.util.Map;

/** The graphql builtins over plain values: parse, prune, build schemas, validate queries. */
public final class GraphqlDocuments {

    private static final String WHERE = "GraphQL string";

    private GraphqlDocuments() {}

    /** {@code graphql.parse_query}: the pruned query AST. */
    public static Object parseQuery(String query) {
        return GqlPrune.prune(rawQuery(query));
    }

    /** {@code graphql.parse_schema}: the pruned schema AST. */
    public static Object parseSchema(String schema) {
        return GqlPrune.prune(rawSchema(schema));
    }

    static Map<String, Object> rawQuery(String query) {
        try {
            return GqlQueryParser.parse(query);
        } catch (GqlError e) {
            throw new BuiltinFailure(e.render(WHERE));
        }
    }

    static Map<String, Object> rawSchema(String schema) {
        try {
            return GqlSchemaParser.parse(schema);
        } catch (GqlError e) {
            throw new BuiltinFailure(e.render(WHERE));
        }
    }

    /** The schema a document describes; a {@link BuiltinFailure} if it is not a valid schema. */
    static GqlSchema schema(Map<String, Object> schemaDoc) {
        try {
            return GqlSchema.build(schemaDoc);
        } catch (GqlError e) {
            throw new BuiltinFailure("Error in gqlparser SchemaDocument to Schema conversion: " + e.getMessage());
        }
    }

    /** {@code graphql.parse}: {@code [query AST, schema AST]} once the query validates. */
    static List<Object> parseAndValidate(Map<String, Object> queryDoc, Map<String, Object> schemaDoc) {
        GqlSchema schema = schema(schemaDoc);
        try {
            GqlQueryValidator.validate(schema, queryDoc);
        } catch (GqlError e) {
            // OPA drops the full stop gqlparser ends its validation messages with.
            throw new BuiltinFailure(e.withoutFullStop().render(WHERE));
        }
        return List.of(GqlPrune.prune(queryDoc), GqlPrune.prune(schemaDoc));
    }
}
