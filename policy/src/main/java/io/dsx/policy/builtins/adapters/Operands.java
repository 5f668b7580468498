package io.dsx.policy.builtins.adapters;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Reads collection operands with OPA's element type errors ("must be array of strings but got array containing number"). */
public final class Operands {

    private Operands() {}

    /** The elements of an array or set operand (sets in their sorted order). */
    public static List<Value> elements(BuiltinCall call, int i, String... expected) {
        Value v = call.arg(i);
        if (v instanceof ArrayValue a) {
            return a.elements();
        }
        if (v instanceof SetValue s) {
            return new ArrayList<>(s.elements());
        }
        throw call.typeError(i, expected.length == 0 ? new String[] {"array", "set"} : expected);
    }

    /** The strings of an array or set operand; a non-string element is OPA's element type error. */
    public static List<String> strings(BuiltinCall call, int i, String... expected) {
        List<String> out = new ArrayList<>();
        for (Value e : elements(call, i, expected)) {
            if (!(e instanceof StringValue s)) {
                throw elementError(call, i, "string", e);
            }
            out.add(s.value());
        }
        return out;
    }

    /** {@code "<name>: operand <i+1> must be array of <element>s but got array containing <type>"}. */
    public static BuiltinException elementError(BuiltinCall call, int i, String element, Value found) {
        String kind = call.arg(i).typeName();
        return BuiltinException.type(
                call.name(),
                "operand " + (i + 1) + " must be " + kind + " of " + element + "s but got " + kind + " containing "
                        + found.typeName());
    }

    /** An integer operand whose non-integer value is a type error, as OPA's IntOperand reports it. */
    public static int integer(BuiltinCall call, int i) {
        Integer v = call.number(i).intValueExact();
        if (v == null) {
            throw BuiltinException.type(
                    call.name(), "operand " + (i + 1) + " must be integer number but got floating-point number");
        }
        return v;
    }
}
