package io.dsx.policy.builtins.time;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Registers the {@code time.*} builtins; {@code time.now_ns} reads only the injected query clock. */
public final class TimeFamily implements BuiltinFamily {

    private static final String TIME_OPERAND = "either number (ns) or [number (ns), string (tz)]";

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("time.now_ns", call -> NumberValue.of(call.context().nowNs()));
        r.add("time.parse_ns", Guarded.of(c -> nanos(GoTimeParser.parse(c.string(0), c.string(1)))));
        r.add("time.parse_rfc3339_ns", Guarded.of(c -> nanos(GoTimeParser.parse("RFC3339", c.string(0)))));
        r.add("time.parse_duration_ns", Guarded.of(c -> NumberValue.of(GoDuration.parseNanos(c.string(0)))));
        r.add("time.format", Guarded.of(TimeFamily::format));
        r.add("time.date", Guarded.of(c -> {
            ZonedDateTime t = zoned(c, 0).time();
            return ints(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        }));
        r.add("time.clock", Guarded.of(c -> {
            ZonedDateTime t = zoned(c, 0).time();
            return ints(t.getHour(), t.getMinute(), t.getSecond());
        }));
        r.add(
                "time.weekday",
                Guarded.of(c -> StringValue.of(Instants.weekday(zoned(c, 0).time()))));
        r.add("time.add_date", Guarded.of(TimeFamily::addDate));
        r.add("time.diff", Guarded.of(c -> {
            var d = Instants.diff(zoned(c, 0).time(), zoned(c, 1).time());
            return ints(d.stream().mapToInt(Integer::intValue).toArray());
        }));
    }

    private static Value format(BuiltinCall c) {
        Zoned z = zoned(c, 0);
        return StringValue.of(GoTimeFormatter.format(z.time(), z.layout().isEmpty() ? "RFC3339Nano" : z.layout()));
    }

    private static Value addDate(BuiltinCall c) {
        ZonedDateTime t = zoned(c, 0).time();
        int years = c.integer(1);
        int months = c.integer(2);
        int days = c.integer(3);
        try {
            return nanos(Instants.addDate(t, years, months, days));
        } catch (DateTimeException | ArithmeticException e) {
            throw c.error("time outside of valid range");
        }
    }

    /** A time operand: nanoseconds, or [nanoseconds, zone name, layout], as OPA's tzTime reads it. */
    record Zoned(ZonedDateTime time, String layout) {}

    static Zoned zoned(BuiltinCall c, int i) {
        Value v = c.arg(i);
        if (v instanceof NumberValue n) {
            return new Zoned(Instants.at(n.toBigDecimal(), ZoneOffset.UTC), "");
        }
        if (!(v instanceof ArrayValue a) || a.size() == 0) {
            throw c.typeError(i, TIME_OPERAND);
        }
        if (!(a.get(0) instanceof NumberValue n)) {
            throw c.typeError(i, "number");
        }
        String zone = a.size() > 1 ? element(c, a, 1, i) : "";
        String layout = a.size() > 2 ? element(c, a, 2, i) : "";
        return new Zoned(Instants.at(n.toBigDecimal(), Instants.zone(zone)), layout);
    }

    private static String element(BuiltinCall c, ArrayValue a, int index, int operand) {
        if (a.get(index) instanceof StringValue s) {
            return s.value();
        }
        throw io.dsx.policy.builtins.BuiltinException.type(
                c.name(),
                "operand " + (operand + 1) + " must be string but got "
                        + a.get(index).typeName());
    }

    private static Value nanos(java.time.Instant t) {
        return NumberValue.of(Instants.toNanos(t));
    }

    private static Value ints(int... values) {
        Value[] out = new Value[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = NumberValue.of(values[i]);
        }
        return ArrayValue.wrap(out);
    }
}
