package io.dsx.policy.builtins.strings;

import io.dsx.policy.builtins.strings.TemplateParser.Block;
import io.dsx.policy.builtins.strings.TemplateParser.Node;
import io.dsx.policy.builtins.strings.TemplateParser.Print;
import io.dsx.policy.builtins.strings.TemplateParser.Text;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NullValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subset of Go's text/template for {@code strings.render_template}: text, {@code {{.a.b}}},
 * variables, {@code if/else if/else}, {@code range} (with {@code $i, $v :=}), {@code with}, comments and
 * {@code {{- -}}} trimming. A missing key renders as {@code <undefined>}, as OPA does.
 * Design note: {@link TemplateParser} builds a small node tree; this class executes it against Rego values.
 */
public final class GoTemplate {

    /** Bounds what a template may render, so a {@code range} over a huge number cannot exhaust memory. */
    static final int MAX_OUTPUT = 8 * 1024 * 1024;

    private GoTemplate() {}

    public static String render(String source, Value data) {
        List<Node> nodes = TemplateParser.parse(source);
        StringBuilder out = new StringBuilder();
        Map<String, Value> vars = new HashMap<>();
        vars.put("$", data);
        execute(nodes, data, vars, out);
        return out.toString();
    }

    private static void execute(List<Node> nodes, Value dot, Map<String, Value> vars, StringBuilder out) {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                out.append(t.text());
            } else if (n instanceof Print p) {
                print(out, eval(p.expr(), dot, vars));
            } else if (n instanceof Block b) {
                block(b, dot, vars, out);
            }
            if (out.length() > MAX_OUTPUT) {
                throw new IllegalArgumentException(
                        "template: output exceeds " + MAX_OUTPUT + " characters (dsx limit)");
            }
        }
    }

    private static void block(Block b, Value dot, Map<String, Value> vars, StringBuilder out) {
        if (b.kind().equals("range")) {
            range(b, dot, vars, out);
            return;
        }
        Value v = eval(b.head(), dot, vars);
        if (truthy(v)) {
            execute(b.body(), b.kind().equals("with") ? v : dot, vars, out);
        } else {
            execute(b.orElse(), dot, vars, out);
        }
    }

    private static void range(Block b, Value dot, Map<String, Value> vars, StringBuilder out) {
        String head = b.head();
        String keyVar = null;
        String valueVar = null;
        int assign = head.indexOf(":=");
        if (assign >= 0) {
            String[] names = head.substring(0, assign).split(",");
            if (names.length == 2) {
                keyVar = names[0].trim();
                valueVar = names[1].trim();
            } else {
                valueVar = names[0].trim();
            }
            head = head.substring(assign + 2).trim();
        }
        List<Value[]> items = items(eval(head, dot, vars));
        if (items.isEmpty()) {
            execute(b.orElse(), dot, vars, out);
            return;
        }
        for (Value[] kv : items) {
            Map<String, Value> scope = new HashMap<>(vars);
            if (keyVar != null) {
                scope.put(keyVar, kv[0]);
            }
            if (valueVar != null) {
                scope.put(valueVar, kv[1]);
            }
            execute(b.body(), kv[1], scope, out);
        }
    }

    private static List<Value[]> items(Value v) {
        List<Value[]> out = new ArrayList<>();
        if (v instanceof ArrayValue a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Value[] {NumberValue.of(i), a.get(i)});
            }
        } else if (v instanceof SetValue s) {
            int i = 0;
            for (Value e : s) {
                out.add(new Value[] {NumberValue.of(i++), e});
            }
        } else if (v instanceof ObjectValue o) {
            o.entries().forEach((k, val) -> out.add(new Value[] {k, val}));
        } else if (v instanceof NumberValue n && n.isLong()) {
            for (long i = 0; i < Math.min(n.longValue(), MAX_OUTPUT + 1L); i++) {
                out.add(new Value[] {NumberValue.of(i), NumberValue.of(i)});
            }
        }
        return out;
    }

    /** Evaluates {@code .}, {@code .a.b}, {@code $v}, {@code $v.a}, string and number literals; null if missing. */
    private static Value eval(String expr, Value dot, Map<String, Value> vars) {
        String e = expr.trim();
        if (e.startsWith("\"") && e.endsWith("\"") && e.length() >= 2) {
            return StringValue.of(e.substring(1, e.length() - 1));
        }
        if (e.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return NumberValue.parse(e);
        }
        if (e.equals("true") || e.equals("false")) {
            return BoolValue.of(e.equals("true"));
        }
        Value current;
        String path;
        if (e.startsWith("$")) {
            int dotAt = e.indexOf('.');
            String name = dotAt < 0 ? e : e.substring(0, dotAt);
            if (!vars.containsKey(name)) {
                throw new IllegalArgumentException("template: undefined variable \"" + name + "\"");
            }
            current = vars.get(name);
            path = dotAt < 0 ? "" : e.substring(dotAt);
        } else if (e.startsWith(".")) {
            current = dot;
            path = e;
        } else {
            throw new IllegalArgumentException("template: function \"" + e.split("\\s+")[0] + "\" not defined");
        }
        for (String field : path.split("\\.")) {
            if (field.isEmpty()) {
                continue;
            }
            if (!(current instanceof ObjectValue o)) {
                return null;
            }
            current = o.get(field);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static boolean truthy(Value v) {
        if (v == null || v instanceof NullValue) {
            return false;
        }
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v instanceof NumberValue n) {
            return n.signum() != 0;
        }
        if (v instanceof StringValue s) {
            return !s.value().isEmpty();
        }
        if (v instanceof ArrayValue a) {
            return a.size() > 0;
        }
        if (v instanceof SetValue s) {
            return !s.isEmpty();
        }
        return !((ObjectValue) v).isEmpty();
    }

    /** Go's {@code %v} of the JSON-decoded value: strings raw, {@code [a b]} lists, {@code map[k:v]} objects. */
    private static void print(StringBuilder out, Value v) {
        if (v == null) {
            out.append("<undefined>");
        } else if (v instanceof StringValue s) {
            out.append(s.value());
        } else if (v instanceof NullValue) {
            out.append("<nil>");
        } else if (v instanceof ArrayValue || v instanceof SetValue) {
            out.append('[');
            List<Value> elements =
                    v instanceof ArrayValue a ? a.elements() : new ArrayList<>(((SetValue) v).elements());
            for (int i = 0; i < elements.size(); i++) {
                out.append(i > 0 ? " " : "");
                print(out, elements.get(i));
            }
            out.append(']');
        } else if (v instanceof ObjectValue o) {
            out.append("map[");
            boolean first = true;
            for (var e : o.entries().entrySet()) {
                out.append(first ? "" : " ");
                print(out, e.getKey());
                out.append(':');
                print(out, e.getValue());
                first = false;
            }
            out.append(']');
        } else {
            out.append(v);
        }
    }
}
