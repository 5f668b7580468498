package io.dsx.policy.builtins.plain;

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
 * Where the plain-value builtins meet the engine: {@link BuiltinFailure} turned into the engine's
 * {@code eval_builtin_error}. Values cross with {@link io.dsx.policy.value.PlainValues}.
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

}
