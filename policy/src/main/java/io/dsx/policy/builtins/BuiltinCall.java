package io.dsx.policy.builtins;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;

/**
 * One invocation of a builtin: its name, operands (inputs only, never the output operand) and
 * the evaluation's context. The typed accessors throw OPA's operand type error, numbered from 1:
 * {@code "count: operand 1 must be string but got number"}.
 */
public final class BuiltinCall {
    private final String name;
    private final Value[] args;
    private final BuiltinContext context;

    public BuiltinCall(String name, Value[] args, BuiltinContext context) {
        this.name = name;
        this.args = args;
        this.context = context;
    }

    public String name() {
        return name;
    }

    public int arity() {
        return args.length;
    }

    /** Operand i, counted from 0. */
    public Value arg(int i) {
        return args[i];
    }

    public BuiltinContext context() {
        return context;
    }

    public String string(int i) {
        if (args[i] instanceof StringValue s) {
            return s.value();
        }
        throw typeError(i, "string");
    }

    public NumberValue number(int i) {
        if (args[i] instanceof NumberValue n) {
            return n;
        }
        throw typeError(i, "number");
    }

    /** Operand i as an int; an eval_builtin_error if it is a number but not an int. */
    public int integer(int i) {
        Integer v = number(i).intValueExact();
        if (v == null) {
            throw error("operand " + (i + 1) + " must be integer number but got floating-point number");
        }
        return v;
    }

    public boolean bool(int i) {
        if (args[i] instanceof BoolValue b) {
            return b.value();
        }
        throw typeError(i, "boolean");
    }

    public ArrayValue array(int i) {
        if (args[i] instanceof ArrayValue a) {
            return a;
        }
        throw typeError(i, "array");
    }

    public SetValue set(int i) {
        if (args[i] instanceof SetValue s) {
            return s;
        }
        throw typeError(i, "set");
    }

    public ObjectValue object(int i) {
        if (args[i] instanceof ObjectValue o) {
            return o;
        }
        throw typeError(i, "object");
    }

    /**
     * OPA's operand type error for operand i (from 0): {@code "<name>: operand <i+1> must be
     * <expected> but got <actual type>"}. Several expected types print in the order given, as
     * OPA's declarations list them: {@code "one of {array, set}"}.
     */
    public BuiltinException typeError(int i, String... expected) {
        String want = expected.length == 1 ? expected[0] : "one of {" + String.join(", ", expected) + "}";
        return BuiltinException.type(
                name, "operand " + (i + 1) + " must be " + want + " but got " + args[i].typeName());
    }

    /** An {@code eval_builtin_error}: {@code "<name>: <detail>"}. */
    public BuiltinException error(String detail) {
        return BuiltinException.builtin(name, detail);
    }
}
