package io.dsx.policy.builtins.uri;

import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;

/** Registers {@code uri.parse} (absent parts are left out of the object) and {@code uri.is_valid}. */
public final class UriFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("uri.parse", Guarded.of(c -> toObject(GoUrl.parse(c.string(0)))));
        r.add(
                "uri.is_valid",
                c -> BoolValue.of(c.arg(0) instanceof StringValue s
                        && !s.value().isEmpty()
                        && Guarded.succeeds(() -> GoUrl.parse(s.value()))));
    }

    private static Value toObject(GoUrl.Parsed p) {
        ObjectValue.Builder b = ObjectValue.builder();
        put(b, "scheme", p.scheme());
        put(b, "hostname", p.hostname());
        put(b, "port", p.port());
        if (!p.path().isEmpty()) {
            put(b, "path", p.path());
            put(b, "raw_path", p.rawPath());
        }
        put(b, "raw_query", p.rawQuery());
        put(b, "fragment", p.fragment());
        return b.build();
    }

    private static void put(ObjectValue.Builder b, String key, String value) {
        if (!value.isEmpty()) {
            b.put(key, StringValue.of(value));
        }
    }
}
