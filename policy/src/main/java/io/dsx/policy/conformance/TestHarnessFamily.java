package io.dsx.policy.conformance;

import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.time.GoDuration;
import io.dsx.policy.value.BoolValue;

/**
 * Builtins OPA's own test harness registers for its conformance cases and dsx's runner registers
 * likewise: {@code test.sleep(duration)} (at most one second). Not on the production class path
 * (no service entry), so a policy calling it fails to compile there.
 */
final class TestHarnessFamily implements BuiltinFamily {
    private static final long MAX_SLEEP_NS = 1_000_000_000L;

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("test.sleep", c -> {
            long ns = Math.min(GoDuration.parseNanos(c.string(0)), MAX_SLEEP_NS);
            try {
                Thread.sleep(ns / 1_000_000L, (int) (ns % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BoolValue.TRUE;
        });
    }
}
