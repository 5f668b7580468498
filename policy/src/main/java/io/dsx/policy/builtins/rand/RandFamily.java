package io.dsx.policy.builtins.rand;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.Value;
import java.util.List;

/** Registers {@code rand.intn(str, n)}: an integer in {@code [0, |n|)}. */
public final class RandFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("rand.intn", RandFamily::intn);
    }

    static Value intn(BuiltinCall call) {
        String key = call.string(0);
        int n = call.integer(1);
        if (n == 0) {
            return NumberValue.ZERO;
        }
        int bound = Math.abs(n);
        // OPA keys its per-query cache on the operands as given, so "k", 5 and "k", -5 differ.
        return call.context()
                .memo(
                        List.of("rand.intn", key, n),
                        () -> NumberValue.of(call.context().random().nextInt(bound)));
    }
}
