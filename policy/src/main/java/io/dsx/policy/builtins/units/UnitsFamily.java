package io.dsx.policy.builtins.units;

import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.value.NumberValue;

/** Registers {@code units.parse} and {@code units.parse_bytes} on {@link UnitsParser}. */
public final class UnitsFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("units.parse", Guarded.of(c -> NumberValue.of(UnitsParser.parse(c.string(0)))));
        r.add("units.parse_bytes", Guarded.of(c -> NumberValue.of(UnitsParser.parseBytes(c.string(0)))));
    }
}
