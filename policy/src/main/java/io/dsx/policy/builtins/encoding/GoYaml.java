package io.dsx.policy.builtins.encoding;

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
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** YAML for {@code yaml.*}: block-style output with sorted keys; parse errors worded like go-yaml's. */
public final class GoYaml {

    private GoYaml() {}

    public static String marshal(Value v) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(settings).dumpToString(toJava(Json.toJsonValue(v)));
    }

    public static Value unmarshal(String text) {
        try {
            Object loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadFromString(text);
            return Json.fromJava(loaded);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            String problem = String.valueOf(e.getProblem());
            int but = problem.indexOf(", but");
            if (problem.startsWith("expected ")) {
                problem = "did not find " + (but > 0 ? problem.substring(0, but) : problem);
            }
            throw new IllegalArgumentException("yaml: line " + line + ": " + problem);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("yaml: " + e.getMessage());
        }
    }

    private static Object toJava(Value v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v instanceof NumberValue n) {
            return n.isLong() ? (Object) n.longValue() : n.isInteger() ? n.toBigInteger() : (Object) n.doubleValue();
        }
        if (v instanceof ArrayValue a) {
            List<Object> out = new ArrayList<>();
            a.elements().forEach(e -> out.add(toJava(e)));
            return out;
        }
        if (v instanceof SetValue s) {
            List<Object> out = new ArrayList<>();
            s.elements().forEach(e -> out.add(toJava(e)));
            return out;
        }
        if (v instanceof ObjectValue o) {
            Map<String, Object> out = new LinkedHashMap<>();
            o.entries().forEach((k, e) -> out.put(k instanceof StringValue s ? s.value() : Json.write(k), toJava(e)));
            return out;
        }
        return null;
    }
}
