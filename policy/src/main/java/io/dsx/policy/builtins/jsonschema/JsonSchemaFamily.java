package io.dsx.policy.builtins.jsonschema;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.plain.BuiltinFailure;
import io.dsx.policy.builtins.plain.PlainJson;
import io.dsx.policy.builtins.plain.ValueBridge;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Registers {@code json.verify_schema(schema)} and {@code json.match_schema(document, schema)}. */
public final class JsonSchemaFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("json.verify_schema", JsonSchemaFamily::verify);
        r.add("json.match_schema", ValueBridge.guarded(JsonSchemaFamily::match));
    }

    static Value verify(BuiltinCall call) {
        try {
            SchemaCompiler.check(load(call.arg(0)));
            return io.dsx.policy.value.PlainValues.fromPlain(Arrays.asList(true, null));
        } catch (BuiltinFailure e) {
            return io.dsx.policy.value.PlainValues.fromPlain(List.of(false, "jsonschema: " + e.getMessage()));
        }
    }

    static Value match(BuiltinCall call) {
        Object document = load(call.arg(0));
        Object schema = load(call.arg(1));
        SchemaCompiler.check(schema);
        List<Object> errors = new ArrayList<>();
        SchemaValidator.validate(schema, document).forEach(e -> errors.add(e.toPlain()));
        return io.dsx.policy.value.PlainValues.fromPlain(List.of(errors.isEmpty(), errors));
    }

    /** A string operand is JSON text; an object or array is taken as is. */
    private static Object load(Value v) {
        if (v instanceof StringValue s) {
            if (!PlainJson.isValid(s.value())) {
                throw new BuiltinFailure("invalid JSON string");
            }
            return PlainJson.parse(s.value());
        }
        if (v instanceof ObjectValue || v instanceof ArrayValue) {
            return io.dsx.policy.value.PlainValues.toPlain(v);
        }
        throw new BuiltinFailure("wrong type, expected string or object");
    }
}
