package io.dsx.policy.builtins.uuid;

import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.List;
import java.util.Map;

/** Registers {@code uuid.rfc4122} and {@code uuid.parse}. */
public final class UuidFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("uuid.rfc4122", c -> {
            String seed = c.string(0);
            return c.context()
                    .memo(
                            List.of("uuid.rfc4122", seed),
                            () -> StringValue.of(Uuids.random(c.context().random())));
        });
        r.add("uuid.parse", c -> {
            Map<String, Object> parsed = Uuids.parse(c.string(0));
            return parsed == null ? null : (Value) io.dsx.policy.value.PlainValues.fromPlain(parsed);
        });
    }
}
