package io.dsx.policy.tool;

import io.dsx.policy.Policy;
import io.dsx.policy.builtins.encoding.GoJson;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.eval.EvalOptions;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dsx policy eval --format pretty}, as {@code opa eval --format pretty}: undefined prints
 * {@code undefined}; a query without variables prints its value as indented JSON; otherwise an
 * ASCII table with one column per variable and one row per solution.
 */
final class Pretty {
    private Pretty() {}

    static String render(Policy policy, String query, EvalOptions opts, List<Map<String, Value>> rows) {
        if (rows.isEmpty()) {
            return "undefined\n";
        }
        Set<String> vars = new LinkedHashSet<>();
        rows.forEach(r -> vars.addAll(r.keySet()));
        if (vars.isEmpty()) {
            Value v;
            try {
                // the query's value, evaluated once more without printing twice
                v = policy.evalRef(query, opts.withPrint(io.dsx.policy.eval.PrintSink.DISCARD));
            } catch (RegoException e) {
                v = null; // not a single term (a comparison, several expressions): it held
            }
            return (v == null ? "true" : GoJson.marshalIndent(v, "", "  ")) + "\n";
        }
        List<String> cols = new ArrayList<>(vars);
        List<List<String>> cells = new ArrayList<>();
        int[] width = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            width[c] = cols.get(c).length();
        }
        for (Map<String, Value> r : rows) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                Value v = r.get(cols.get(c));
                String text = v == null ? "" : GoJson.marshal(v);
                line.add(text);
                width[c] = Math.max(width[c], text.length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(width);
        sb.append(rule).append(row(cols, width)).append(rule);
        cells.forEach(l -> sb.append(row(l, width)));
        return sb.append(rule).toString();
    }

    private static String rule(int[] width) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : width) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static String row(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int c = 0; c < cells.size(); c++) {
            sb.append(' ')
                    .append(cells.get(c))
                    .append(" ".repeat(width[c] - cells.get(c).length()))
                    .append(" |");
        }
        return sb.append('\n').toString();
    }
}
