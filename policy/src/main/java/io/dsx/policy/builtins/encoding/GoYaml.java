package io.dsx.policy.builtins.encoding;

import io.dsx.policy.value.Json;
import io.dsx.policy.value.PlainValues;
import io.dsx.policy.value.Value;
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
        DumpSettings settings =
                DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(settings).dumpToString(toJava(Json.toJsonValue(v)));
    }

    public static Value unmarshal(String text) {
        try {
            Object loaded =
                    new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadFromString(text);
            return PlainValues.fromPlain(loaded);
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
        return PlainValues.toPlain(
                v,
                n -> n.isLong() ? (Object) n.longValue() : n.isInteger() ? n.toBigInteger() : (Object) n.doubleValue());
    }
}
