package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GraphQL spec "Fragment spreads must not form cycles", reported as gqlparser words it. */
final class GqlFragmentCycles {

    private GqlFragmentCycles() {}

    static void check(Map<String, Map<String, Object>> fragments) {
        Set<String> done = new HashSet<>();
        for (String name : fragments.keySet()) {
            visit(name, fragments, new ArrayList<>(), done);
        }
    }

    private static void visit(
            String name, Map<String, Map<String, Object>> fragments, List<String> path, Set<String> done) {
        if (done.contains(name) || !fragments.containsKey(name)) {
            return;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> via = path.subList(at + 1, path.size());
            String suffix = via.isEmpty()
                    ? ""
                    : " via "
                            + String.join(
                                    ", ", via.stream().map(v -> "\"" + v + "\"").toList());
            throw GqlQueryValidator.at(
                    fragments.get(name), "Cannot spread fragment \"" + name + "\" within itself" + suffix + ".");
        }
        path.add(name);
        for (String spread : spreads(maps(fragments.get(name), "SelectionSet"))) {
            visit(spread, fragments, path, done);
        }
        path.remove(path.size() - 1);
        done.add(name);
    }

    private static List<String> spreads(List<Map<String, Object>> selections) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> sel : selections) {
            boolean isSpread =
                    !sel.containsKey("Alias") && !sel.containsKey("SelectionSet") && !sel.containsKey("TypeCondition");
            if (isSpread) {
                out.add(str(sel, "Name"));
            } else {
                out.addAll(spreads(maps(sel, "SelectionSet")));
            }
        }
        return out;
    }
}
