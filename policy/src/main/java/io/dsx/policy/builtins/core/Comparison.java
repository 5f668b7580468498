package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.Values;

/** equal, neq, lt, lte, gt, gte: OPA's total order over all values. */
final class Comparison {
    private Comparison() {}

    static void register(BuiltinRegistrar r) {
        r.add("equal", c -> BoolValue.of(c.arg(0).equals(c.arg(1))));
        r.add("neq", c -> BoolValue.of(!c.arg(0).equals(c.arg(1))));
        r.add("lt", c -> BoolValue.of(Values.compare(c.arg(0), c.arg(1)) < 0));
        r.add("lte", c -> BoolValue.of(Values.compare(c.arg(0), c.arg(1)) <= 0));
        r.add("gt", c -> BoolValue.of(Values.compare(c.arg(0), c.arg(1)) > 0));
        r.add("gte", c -> BoolValue.of(Values.compare(c.arg(0), c.arg(1)) >= 0));
    }
}
