package io.dsx.policy.builtins.regex;

import com.google.re2j.Pattern;
import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.builtins.adapters.Operands;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Registers {@code regex.*} (and the deprecated {@code re_match}) on {@link GoRegexp}. */
public final class RegexFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add(
                "regex.is_valid",
                c -> BoolValue.of(c.arg(0) instanceof StringValue s
                        && Guarded.succeeds(() -> com.google.re2j.Pattern.compile(s.value()))));
        r.add("regex.match", Guarded.of(RegexFamily::match));
        r.add("re_match", Guarded.of(RegexFamily::match));
        r.add("regex.split", Guarded.of(c -> {
            String s = c.string(1);
            return strings(GoRegexp.split(GoRegexp.compile(c.string(0)), s));
        }));
        r.add("regex.find_n", Guarded.of(RegexFamily::findN));
        r.add("regex.find_all_string_submatch_n", Guarded.of(RegexFamily::submatches));
        r.add("regex.replace", Guarded.of(c -> {
            String base = c.string(0);
            Pattern p = GoRegexp.compile(c.string(1));
            return StringValue.of(GoRegexp.replaceAll(p, base, c.string(2)));
        }));
        r.add("regex.template_match", Guarded.of(RegexFamily::templateMatch));
        r.add("regex.globs_match", Guarded.of(c -> BoolValue.of(GlobIntersection.nonEmpty(c.string(0), c.string(1)))));
    }

    private static Value match(BuiltinCall c) {
        String pattern = c.string(0);
        String s = c.string(1);
        return BoolValue.of(GoRegexp.compile(pattern).matcher(s).find());
    }

    private static Value findN(BuiltinCall c) {
        String pattern = c.string(0);
        String s = c.string(1);
        int n = Operands.integer(c, 2);
        List<String> found = new ArrayList<>();
        for (int[] m : GoRegexp.findAll(GoRegexp.compile(pattern), s, n)) {
            found.add(s.substring(m[0], m[1]));
        }
        return strings(found);
    }

    private static Value submatches(BuiltinCall c) {
        String pattern = c.string(0);
        String s = c.string(1);
        int n = Operands.integer(c, 2);
        List<Value> outer = new ArrayList<>();
        for (int[] m : GoRegexp.findAll(GoRegexp.compile(pattern), s, n)) {
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < m.length; g += 2) {
                groups.add(m[g] < 0 ? "" : s.substring(m[g], m[g + 1]));
            }
            outer.add(strings(groups));
        }
        return ArrayValue.of(outer);
    }

    private static Value templateMatch(BuiltinCall c) {
        String template = c.string(0);
        String s = c.string(1);
        String start = c.string(2);
        String end = c.string(3);
        if (start.length() != 1) {
            throw c.error("start delimiter has to be exactly one character long but is " + start.length() + " long");
        }
        if (end.length() != 1) {
            throw c.error("end delimiter has to be exactly one character long but is " + start.length() + " long");
        }
        return BoolValue.of(
                RegexTemplate.compile(template, start.charAt(0), end.charAt(0)).matches(s));
    }

    static Value strings(List<String> parts) {
        return ArrayValue.of(parts.stream().map(p -> (Value) StringValue.of(p)).toList());
    }
}
