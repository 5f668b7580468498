package io.dsx.policy.builtins.semver;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.StringValue;

/** Registers {@code semver.is_valid} (false for non-strings) and {@code semver.compare}. */
public final class SemverFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add(
                "semver.is_valid",
                c -> BoolValue.of(c.arg(0) instanceof StringValue s && SemVer.parse(s.value()) != null));
        r.add("semver.compare", c -> {
            SemVer a = version(c, 0);
            SemVer b = version(c, 1);
            return NumberValue.of(a.compareTo(b));
        });
    }

    private static SemVer version(BuiltinCall c, int i) {
        String s = c.string(i);
        SemVer v = SemVer.parse(s);
        if (v == null) {
            throw c.error("operand " + (i + 1) + ": string \"" + s + "\" is not a valid SemVer");
        }
        return v;
    }
}
