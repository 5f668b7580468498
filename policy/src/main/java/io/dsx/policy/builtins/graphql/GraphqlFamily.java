package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.plain.ValueBridge.guarded;
import static io.dsx.policy.value.PlainValues.fromPlain;
import static io.dsx.policy.value.PlainValues.toPlain;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.List;
import java.util.Map;

/** Registers {@code graphql.*} over {@link GraphqlDocuments}. */
public final class GraphqlFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("graphql.parse_query", guarded(c -> fromPlain(GraphqlDocuments.parseQuery(c.string(0)))));
        r.add("graphql.parse_schema", guarded(c -> fromPlain(GraphqlDocuments.parseSchema(c.string(0)))));
        r.add("graphql.parse", guarded(c -> {
            Map<String, Object> query = queryDoc(c, 0);
            Map<String, Object> schema = schemaDoc(c, 1);
            return fromPlain(GraphqlDocuments.parseAndValidate(query, schema));
        }));
        r.add("graphql.parse_and_verify", c -> {
            try {
                List<Object> both = GraphqlDocuments.parseAndValidate(queryDoc(c, 0), schemaDoc(c, 1));
                return fromPlain(List.of(true, both.get(0), both.get(1)));
            } catch (BuiltinFailure | WrongOperand e) {
                return fromPlain(List.of(false, Map.of(), Map.of()));
            }
        });
        r.add("graphql.is_valid", c -> {
            try {
                GraphqlDocuments.parseAndValidate(queryDoc(c, 0), schemaDoc(c, 1));
                return BoolValue.TRUE;
            } catch (BuiltinFailure | WrongOperand e) {
                return BoolValue.FALSE;
            }
        });
        r.add("graphql.schema_is_valid", c -> {
            try {
                GraphqlDocuments.schema(schemaDoc(c, 0));
                return BoolValue.TRUE;
            } catch (BuiltinFailure | WrongOperand e) {
                return BoolValue.FALSE;
            }
        });
    }

    /** Operand i is neither a string nor an object: the lenient builtins answer false. */
    private static final class WrongOperand extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongOperand() {
            super(null, null, false, false);
        }
    }

    private static Map<String, Object> queryDoc(BuiltinCall c, int i) {
        return document(c, i, true);
    }

    private static Map<String, Object> schemaDoc(BuiltinCall c, int i) {
        return document(c, i, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(BuiltinCall c, int i, boolean query) {
        Value v = c.arg(i);
        if (v instanceof StringValue s) {
            return query ? GraphqlDocuments.rawQuery(s.value()) : GraphqlDocuments.rawSchema(s.value());
        }
        if (v instanceof ObjectValue o) {
            return (Map<String, Object>) toPlain(o);
        }
        if (c.name().equals("graphql.parse")) {
            throw c.typeError(i, "object", "string");
        }
        throw new WrongOperand();
    }
}
