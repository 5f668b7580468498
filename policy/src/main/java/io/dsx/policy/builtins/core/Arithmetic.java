package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Arithmetic on exact numbers, set difference/union/intersection operators, numbers.range. */
final class Arithmetic {
    private static final MathContext DIV = MathContext.DECIMAL128;

    private Arithmetic() {}

    static void register(BuiltinRegistrar r) {
        r.add("plus", c -> add(c.number(0), c.number(1)));
        r.add("minus", Arithmetic::minus);
        r.add("mul", c -> mul(c.number(0), c.number(1)));
        r.add("div", Arithmetic::div);
        r.add("rem", Arithmetic::rem);
        r.add("abs", c -> NumberValue.of(c.number(0).toBigDecimal().abs()));
        r.add("round", c -> NumberValue.of(c.number(0).toBigDecimal().setScale(0, RoundingMode.HALF_UP)));
        r.add("ceil", c -> NumberValue.of(c.number(0).toBigDecimal().setScale(0, RoundingMode.CEILING)));
        r.add("floor", c -> NumberValue.of(c.number(0).toBigDecimal().setScale(0, RoundingMode.FLOOR)));
        r.add("and", c -> c.set(0).intersection(c.set(1)));
        r.add("or", c -> c.set(0).union(c.set(1)));
        r.add("set_diff", c -> c.set(0).difference(c.set(1)));
        r.add("numbers.range", c -> range(c, c.number(0), c.number(1), NumberValue.ONE));
        r.add("numbers.range_step", c -> {
            NumberValue step = c.number(2);
            if (!step.isInteger() || step.signum() <= 0) {
                throw c.error("step must be a positive integer");
            }
            return range(c, c.number(0), c.number(1), step);
        });
    }

    static NumberValue add(NumberValue a, NumberValue b) {
        if (a.isLong() && b.isLong()) {
            long x = a.longValue();
            long y = b.longValue();
            long s = x + y;
            if (((x ^ s) & (y ^ s)) >= 0) {
                return NumberValue.of(s);
            }
        }
        return NumberValue.of(a.toBigDecimal().add(b.toBigDecimal()));
    }

    static NumberValue mul(NumberValue a, NumberValue b) {
        return NumberValue.of(a.toBigDecimal().multiply(b.toBigDecimal()));
    }

    private static Value minus(BuiltinCall c) {
        Value a = c.arg(0);
        if (a instanceof NumberValue x) {
            NumberValue y = c.number(1);
            if (x.isLong() && y.isLong()) {
                long d = x.longValue() - y.longValue();
                if (((x.longValue() ^ y.longValue()) & (x.longValue() ^ d)) >= 0) {
                    return NumberValue.of(d);
                }
            }
            return NumberValue.of(x.toBigDecimal().subtract(y.toBigDecimal()));
        }
        if (a instanceof SetValue s) {
            return s.difference(c.set(1));
        }
        throw c.typeError(0, "number", "set");
    }

    private static Value div(BuiltinCall c) {
        NumberValue a = c.number(0);
        NumberValue b = c.number(1);
        if (b.signum() == 0) {
            throw c.error("divide by zero");
        }
        return NumberValue.of(a.toBigDecimal().divide(b.toBigDecimal(), DIV));
    }

    private static Value rem(BuiltinCall c) {
        NumberValue a = c.number(0);
        NumberValue b = c.number(1);
        if (!a.isInteger() || !b.isInteger()) {
            throw c.error("modulo on floating-point number");
        }
        if (b.signum() == 0) {
            throw c.error("modulo by zero");
        }
        if (a.isLong() && b.isLong()) {
            return NumberValue.of(a.longValue() % b.longValue());
        }
        return NumberValue.of(a.toBigInteger().remainder(b.toBigInteger()));
    }

    private static Value range(BuiltinCall c, NumberValue from, NumberValue to, NumberValue step) {
        if (!from.isInteger()) {
            throw BuiltinException.type(c.name(), "operand 1 must be integer number but got floating-point number");
        }
        if (!to.isInteger()) {
            throw BuiltinException.type(c.name(), "operand 2 must be integer number but got floating-point number");
        }
        BigInteger a = from.toBigInteger();
        BigInteger b = to.toBigInteger();
        BigInteger s = step.toBigInteger();
        List<Value> out = new ArrayList<>();
        boolean up = a.compareTo(b) <= 0;
        for (BigInteger x = a; up ? x.compareTo(b) <= 0 : x.compareTo(b) >= 0; x = up ? x.add(s) : x.subtract(s)) {
            out.add(NumberValue.of(x));
            if ((out.size() & 1023) == 0) {
                c.context().checkCancelled();
            }
            if (out.size() > 10_000_000) {
                throw c.error("range too large");
            }
        }
        return ArrayValue.of(out);
    }

    static BigDecimal sum(Iterable<Value> xs, BuiltinCall c) {
        BigDecimal s = BigDecimal.ZERO;
        for (Value v : xs) {
            if (!(v instanceof NumberValue n)) {
                throw c.typeError(0, "array", "set");
            }
            s = s.add(n.toBigDecimal());
        }
        return s;
    }
}
