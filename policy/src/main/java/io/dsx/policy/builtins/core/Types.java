package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NullValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;

/** is_* checks, type_name and the casts (to_number, cast_*). */
final class Types {
    private Types() {}

    static void register(BuiltinRegistrar r) {
        r.add("is_number", c -> c.arg(0) instanceof NumberValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("is_string", c -> c.arg(0) instanceof StringValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("is_boolean", c -> c.arg(0) instanceof BoolValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("is_array", c -> c.arg(0) instanceof ArrayValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("is_set", c -> c.arg(0) instanceof SetValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("is_object", c -> c.arg(0) instanceof ObjectValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("is_null", c -> c.arg(0) instanceof NullValue ? BoolValue.TRUE : BoolValue.FALSE);
        r.add("type_name", c -> StringValue.of(c.arg(0).typeName()));
        r.add("to_number", Types::toNumber);
        r.add("cast_array", c -> {
            Value v = c.arg(0);
            if (v instanceof ArrayValue) {
                return v;
            }
            if (v instanceof SetValue s) {
                return ArrayValue.of(new ArrayList<>(s.elements()));
            }
            throw c.typeError(0, "array", "set");
        });
        r.add("cast_set", c -> {
            Value v = c.arg(0);
            if (v instanceof SetValue) {
                return v;
            }
            if (v instanceof ArrayValue a) {
                return SetValue.of(a.elements());
            }
            throw c.typeError(0, "array", "set");
        });
        r.add("cast_string", c -> c.arg(0) instanceof StringValue ? c.arg(0) : null);
        r.add("cast_boolean", c -> c.arg(0) instanceof BoolValue ? c.arg(0) : null);
        r.add("cast_null", c -> c.arg(0) instanceof NullValue ? c.arg(0) : null);
        r.add("cast_object", c -> c.arg(0) instanceof ObjectValue ? c.arg(0) : null);
    }

    private static Value toNumber(BuiltinCall c) {
        Value v = c.arg(0);
        if (v instanceof NumberValue) {
            return v;
        }
        if (v instanceof NullValue) {
            return NumberValue.ZERO;
        }
        if (v instanceof BoolValue b) {
            return b.value() ? NumberValue.ONE : NumberValue.ZERO;
        }
        if (v instanceof StringValue s) {
            String t = s.value();
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return NumberValue.parse(t.startsWith("+") ? t.substring(1) : t);
            }
            if (t.toLowerCase(java.util.Locale.ROOT).matches("[+-]?(nan|inf|infinity)")) {
                throw io.dsx.policy.builtins.BuiltinException.type(
                        c.name(), "operand 1 must be a finite number but got " + s);
            }
            throw c.error("strconv.ParseFloat: parsing " + s + ": invalid syntax");
        }
        throw c.typeError(0, "boolean", "null", "number", "string");
    }
}
