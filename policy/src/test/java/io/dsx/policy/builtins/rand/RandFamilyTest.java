package io.dsx.policy.builtins.rand;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinContext;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandFamilyTest {

    private static Value call(BuiltinContext ctx, String key, long n) {
        return RandFamily.intn(new BuiltinCall("rand.intn", new Value[] {StringValue.of(key), NumberValue.of(n)}, ctx));
    }

    @Test
    void sameOperandsGiveTheSameNumberWithinAQuery() {
        BuiltinContext ctx =
                BuiltinContext.builder().nowNs(0).random(new Random(7)).build();
        Value first = call(ctx, "key", 100);
        for (int i = 0; i < 20; i++) {
            assertThat(call(ctx, "key", 100)).isEqualTo(first);
        }
    }

    @Test
    void differentKeysDrawFreshNumbersInRange() {
        BuiltinContext ctx =
                BuiltinContext.builder().nowNs(0).random(new Random(7)).build();
        Set<Value> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            NumberValue v = (NumberValue) call(ctx, "k" + i, -10);
            assertThat(v.longValue()).isBetween(0L, 9L);
            seen.add(v);
        }
        assertThat(seen.size()).isGreaterThan(1);
    }

    @Test
    void zeroBoundIsZero() {
        BuiltinContext ctx =
                BuiltinContext.builder().nowNs(0).random(new Random(7)).build();
        assertThat(call(ctx, "key", 0)).isEqualTo(NumberValue.ZERO);
    }

    @Test
    void theSeedMakesTheDrawReplayable() {
        Value a = call(BuiltinContext.builder().random(new Random(42)).build(), "key", 1000);
        Value b = call(BuiltinContext.builder().random(new Random(42)).build(), "key", 1000);
        assertThat(a).isEqualTo(b);
    }
}
