package io.dsx.policy.builtins.familyb;

import io.dsx.policy.builtins.BuiltinFunction;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where family B meets the engine: engine values to plain values and back, and
 * {@link BuiltinFailure} turned into the engine's {@code eval_builtin_error}.
 */
public final class ValueBridge {

  private ValueBridge() {}

  /** Wraps an implementation so an expected failure becomes {@code "<name>: <message>"}. */
  public static BuiltinFunction guarded(BuiltinFunction f) {
    return call -> {
      try {
        return f.apply(call);
      } catch (BuiltinFailure e) {
        throw call.error(e.getMessage());
      }
    };
  }

  /** Engine value to plain value; sets become sorted lists, non-string keys their JSON text. */
  public static Object toPlain(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    if (v instanceof NumberValue n) {
      return n.toBigDecimal();
    }
    if (v instanceof BoolValue b) {
      return b.value();
    }
    if (v instanceof ArrayValue a) {
      List<Object> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        out.add(toPlain(a.get(i)));
      }
      return out;
    }
    if (v instanceof SetValue s) {
      List<Object> out = new ArrayList<>(s.size());
      s.forEach(e -> out.add(toPlain(e)));
      return out;
    }
    if (v instanceof ObjectValue o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.entries().forEach((k, val) -> out.put(k instanceof StringValue s ? s.value() : Json.write(k), toPlain(val)));
      return out;
    }
    return null;
  }

  /** Plain value to engine value. */
  public static Value fromPlain(Object o) {
    return Json.fromJava(o);
  }
}
