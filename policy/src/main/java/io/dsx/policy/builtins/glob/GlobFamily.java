package io.dsx.policy.builtins.glob;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.builtins.adapters.Operands;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NullValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Registers {@code glob.match} (null: no delimiters; []: the default "."), and {@code glob.quote_meta}. */
public final class GlobFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("glob.match", Guarded.of(GlobFamily::match));
        r.add("glob.quote_meta", c -> StringValue.of(GlobCompiler.quoteMeta(c.string(0))));
    }

    private static Value match(BuiltinCall c) {
        String pattern = c.string(0);
        List<Integer> delimiters = new ArrayList<>();
        Value d = c.arg(1);
        if (d instanceof ArrayValue) {
            for (String s : Operands.strings(c, 1, "array", "null")) {
                s.codePoints().limit(1).forEach(delimiters::add);
            }
            if (delimiters.isEmpty()) {
                delimiters.add((int) '.');
            }
        } else if (!(d instanceof NullValue)) {
            throw c.typeError(1, "array", "null");
        }
        String text = c.string(2);
        return BoolValue.of(GlobCompiler.matches(pattern, delimiters, text));
    }
}
