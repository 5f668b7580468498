package io.dsx.policy.builtins.strings;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.builtins.adapters.Operands;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Registers the string builtins; the Go-specific work is in {@link GoStrings}, {@link GoFmt}, {@link GoTemplate}. */
public final class StringsFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("concat", c -> StringValue.of(String.join(c.string(0), Operands.strings(c, 1, "set", "array"))));
        r.add("contains", c -> BoolValue.of(c.string(0).contains(c.string(1))));
        r.add("startswith", c -> BoolValue.of(c.string(0).startsWith(c.string(1))));
        r.add("endswith", c -> BoolValue.of(c.string(0).endsWith(c.string(1))));
        r.add("lower", c -> StringValue.of(GoStrings.mapRunes(c.string(0), Character::toLowerCase)));
        r.add("upper", c -> StringValue.of(GoStrings.mapRunes(c.string(0), Character::toUpperCase)));
        r.add("indexof", StringsFamily::indexOf);
        r.add("indexof_n", StringsFamily::indexOfN);
        r.add("substring", StringsFamily::substring);
        r.add("split", c -> strings(GoStrings.split(c.string(0), c.string(1))));
        r.add("strings.split_n", StringsFamily::splitN);
        r.add(
                "replace",
                c -> StringValue.of(
                        GoStrings.replace(c.string(0), List.<String[]>of(new String[] {c.string(1), c.string(2)}))));
        r.add("strings.replace_n", StringsFamily::replaceN);
        r.add("strings.count", c -> NumberValue.of(GoStrings.count(c.string(0), c.string(1))));
        r.add("strings.reverse", c -> StringValue.of(GoStrings.reverse(c.string(0))));
        r.add("trim", c -> StringValue.of(GoStrings.trim(c.string(0), c.string(1), true, true)));
        r.add("trim_left", c -> StringValue.of(GoStrings.trim(c.string(0), c.string(1), true, false)));
        r.add("trim_right", c -> StringValue.of(GoStrings.trim(c.string(0), c.string(1), false, true)));
        r.add("trim_prefix", c -> StringValue.of(trimPrefix(c.string(0), c.string(1))));
        r.add("trim_suffix", c -> StringValue.of(trimSuffix(c.string(0), c.string(1))));
        r.add("trim_space", c -> StringValue.of(GoStrings.trimSpace(c.string(0))));
        r.add("format_int", StringsFamily::formatInt);
        r.add("sprintf", StringsFamily::sprintf);
        r.add("strings.any_prefix_match", c -> BoolValue.of(anyMatch(c, false)));
        r.add("strings.any_suffix_match", c -> BoolValue.of(anyMatch(c, true)));
        r.add("strings.render_template", Guarded.of(c -> StringValue.of(GoTemplate.render(c.string(0), c.object(1)))));
    }

    private static Value indexOf(BuiltinCall c) {
        String base = c.string(0);
        String search = c.string(1);
        if (search.isEmpty()) {
            throw c.error("empty search character");
        }
        List<Integer> found = GoStrings.indexesOf(base, search, true);
        return NumberValue.of(found.isEmpty() ? -1 : found.get(0));
    }

    private static Value indexOfN(BuiltinCall c) {
        String base = c.string(0);
        String search = c.string(1);
        if (search.isEmpty()) {
            throw c.error("empty search character");
        }
        return ArrayValue.of(GoStrings.indexesOf(base, search, false).stream()
                .map(i -> (Value) NumberValue.of(i))
                .toList());
    }

    private static Value substring(BuiltinCall c) {
        String base = c.string(0);
        int start = Operands.integer(c, 1);
        int length = Operands.integer(c, 2);
        if (start < 0) {
            throw c.error("negative offset");
        }
        int runes = base.codePointCount(0, base.length());
        if (start >= runes) {
            return StringValue.EMPTY;
        }
        int from = base.offsetByCodePoints(0, start);
        if (length < 0 || (long) start + length >= runes) {
            return StringValue.of(base.substring(from));
        }
        return StringValue.of(base.substring(from, base.offsetByCodePoints(from, length)));
    }

    private static Value splitN(BuiltinCall c) {
        String s = c.string(0);
        String sep = c.string(1);
        int n = Operands.integer(c, 2);
        List<String> parts = GoStrings.split(s, sep);
        int take = Math.min(Math.abs(n), parts.size());
        return strings(n >= 0 ? parts.subList(0, take) : parts.subList(parts.size() - take, parts.size()));
    }

    private static Value replaceN(BuiltinCall c) {
        ObjectValue patterns = c.object(0);
        String s = c.string(1);
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<Value, Value> e : patterns.entries().entrySet()) {
            if (!(e.getKey() instanceof StringValue k)) {
                throw BuiltinException.type(c.name(), "operand 1 non-string key found in pattern object");
            }
            if (!(e.getValue() instanceof StringValue v)) {
                throw BuiltinException.type(c.name(), "operand 1 non-string value found in pattern object");
            }
            pairs.add(new String[] {k.value(), v.value()});
        }
        return StringValue.of(GoStrings.replace(s, pairs));
    }

    private static String trimPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static Value formatInt(BuiltinCall c) {
        NumberValue input = c.number(0);
        NumberValue base = c.number(1);
        Integer radix = base.intValueExact();
        if (radix == null || radix != 2 && radix != 8 && radix != 10 && radix != 16) {
            throw BuiltinException.type(c.name(), "operand 2 must be one of {2, 8, 10, 16}");
        }
        // Go truncates towards zero (big.Float.Int) before formatting.
        return StringValue.of(input.toBigDecimal().toBigInteger().toString(radix));
    }

    private static Value sprintf(BuiltinCall c) {
        String format = c.string(0);
        ArrayValue args = c.array(1);
        List<Object> goArgs = new ArrayList<>(args.size());
        for (Value v : args.elements()) {
            goArgs.add(goArgument(v));
        }
        return StringValue.of(GoFmt.sprintf(format, goArgs));
    }

    /** The Go value OPA hands to fmt: int, *big.Int, float64, or the Rego text of anything else. */
    static Object goArgument(Value v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof NumberValue n) {
            if (n.isLong()) {
                return n.longValue();
            }
            if (n.isInteger() && !Double.isInfinite(n.doubleValue())) {
                return n.toBigInteger();
            }
            double d = n.doubleValue();
            return Double.isInfinite(d) ? literal(n) : (Object) d;
        }
        return v.toString();
    }

    /** A number too large for float64, as OPA prints its literal (2e308). */
    private static String literal(NumberValue n) {
        java.math.BigDecimal d = n.toBigDecimal().stripTrailingZeros();
        return d.scale() < 0 ? d.unscaledValue() + "e" + (-d.scale()) : d.toPlainString();
    }

    private static boolean anyMatch(BuiltinCall c, boolean suffix) {
        List<String> subjects = oneOrMany(c, 0);
        List<String> affixes = oneOrMany(c, 1);
        for (String s : subjects) {
            for (String a : affixes) {
                if (suffix ? s.endsWith(a) : s.startsWith(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> oneOrMany(BuiltinCall c, int i) {
        if (c.arg(i) instanceof StringValue s) {
            return List.of(s.value());
        }
        return Operands.strings(c, i, "string", "set", "array");
    }

    private static Value strings(List<String> parts) {
        return ArrayValue.of(parts.stream().map(p -> (Value) StringValue.of(p)).toList());
    }
}
