package io.dsx.policy.conformance;

import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NullValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads case files. YAML is composed to nodes and converted by hand so numbers stay exact and
 * timestamp-like scalars stay strings.
 */
final class CaseLoader {
    private CaseLoader() {}

    static List<TestCase> load(Path root, Path file, String folder) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Optional<Node> doc = new Compose(
                        LoadSettings.builder().setMaxAliasesForCollections(10).build())
                .composeString(text);
        List<TestCase> out = new ArrayList<>();
        if (doc.isEmpty()) {
            return out;
        }
        Value v = toValue(doc.get());
        if (!(v instanceof ObjectValue o) || !(o.get("cases") instanceof ArrayValue cases)) {
            return out;
        }
        String rel = root.relativize(file).toString();
        for (int i = 0; i < cases.size(); i++) {
            out.add(toCase(folder, rel, i, (ObjectValue) cases.get(i)));
        }
        return out;
    }

    private static TestCase toCase(String folder, String file, int i, ObjectValue c) {
        List<String> modules = new ArrayList<>();
        if (c.get("modules") instanceof ArrayValue ms) {
            ms.elements().forEach(m -> modules.add(str(m)));
        }
        List<Value> want = null;
        if (c.get("want_result") instanceof ArrayValue wr) {
            want = wr.elements();
        } else if (c.get("want_result") instanceof NullValue) {
            want = List.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (c.get("env") instanceof ObjectValue e) {
            e.entries().forEach((k, v) -> env.put(str(k), str(v)));
        }
        return new TestCase(
                folder,
                file,
                i,
                str(c.get("note")),
                str(c.get("query")),
                modules,
                c.get("data"),
                c.get("input"),
                c.get("input_term") == null ? null : str(c.get("input_term")),
                want,
                flag(c, "sort_bindings"),
                c.get("want_error_code") == null ? null : str(c.get("want_error_code")),
                c.get("want_error") == null ? null : str(c.get("want_error")),
                flag(c, "strict_error"),
                flag(c, "ignore_generated_vars"),
                env);
    }

    private static boolean flag(ObjectValue c, String k) {
        return c.get(k) == BoolValue.TRUE;
    }

    private static String str(Value v) {
        if (v == null) {
            return null;
        }
        return v instanceof StringValue s ? s.value() : v.toString();
    }

    static Value toValue(Node n) {
        if (n instanceof ScalarNode s) {
            Tag t = s.getTag();
            String raw = s.getValue();
            if (Tag.NULL.equals(t)) {
                return NullValue.INSTANCE;
            }
            if (Tag.BOOL.equals(t)) {
                return BoolValue.of(raw.equalsIgnoreCase("true"));
            }
            if (Tag.INT.equals(t) || Tag.FLOAT.equals(t)) {
                try {
                    return NumberValue.parse(raw.startsWith("+") ? raw.substring(1) : raw);
                } catch (NumberFormatException e) {
                    return StringValue.of(raw);
                }
            }
            return StringValue.of(raw);
        }
        if (n instanceof SequenceNode seq) {
            List<Value> out = new ArrayList<>();
            seq.getValue().forEach(x -> out.add(toValue(x)));
            return ArrayValue.of(out);
        }
        MappingNode m = (MappingNode) n;
        ObjectValue.Builder b = ObjectValue.builder();
        for (NodeTuple t : m.getValue()) {
            Value k = toValue(t.getKeyNode());
            b.put(k instanceof StringValue ? k : StringValue.of(k.toString()), toValue(t.getValueNode()));
        }
        return b.build();
    }
}
