package io.dsx.policy.builtins.bits;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.NumberValue;
import java.math.BigInteger;

/** Registers {@code bits.and/or/xor/negate/lsh/rsh} on {@link BigInteger}. */
public final class BitsFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("bits.and", c -> NumberValue.of(integer(c, 0).and(integer(c, 1))));
        r.add("bits.or", c -> NumberValue.of(integer(c, 0).or(integer(c, 1))));
        r.add("bits.xor", c -> NumberValue.of(integer(c, 0).xor(integer(c, 1))));
        r.add("bits.negate", c -> NumberValue.of(integer(c, 0).not()));
        r.add("bits.lsh", c -> NumberValue.of(integer(c, 0).shiftLeft(shift(c))));
        r.add("bits.rsh", c -> NumberValue.of(integer(c, 0).shiftRight(shift(c))));
    }

    private static BigInteger integer(BuiltinCall c, int i) {
        NumberValue n = c.number(i);
        if (!n.isInteger()) {
            throw BuiltinException.type(
                    c.name(), "operand " + (i + 1) + " must be integer number but got floating-point number");
        }
        return n.toBigInteger();
    }

    private static int shift(BuiltinCall c) {
        BigInteger s = integer(c, 1);
        if (s.signum() < 0) {
            throw BuiltinException.type(
                    c.name(), "operand 2 must be an unsigned integer number but got a negative integer");
        }
        if (s.bitLength() > 24) {
            throw c.error("shift amount too large");
        }
        return s.intValue();
    }
}
