package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Variable usages in values, directives and selections, following fragment spreads. */
final class GqlVariables {

    private GqlVariables() {}

    static void fromValue(Map<String, Object> value, Set<String> vars) {
        if (value == null) {
            return;
        }
        if (Ast.integer(value, "Kind") == GqlValueKind.VARIABLE) {
            vars.add(str(value, "Raw"));
        }
        for (Map<String, Object> child : maps(value, "Children")) {
            fromValue(map(child, "Value"), vars);
        }
    }

    static void collect(
            List<Map<String, Object>> selections,
            Map<String, Map<String, Object>> fragments,
            Set<String> vars,
            Set<String> visiting) {
        for (Map<String, Object> sel : selections) {
            for (Map<String, Object> arg : maps(sel, "Arguments")) {
                fromValue(map(arg, "Value"), vars);
            }
            for (Map<String, Object> dir : maps(sel, "Directives")) {
                for (Map<String, Object> arg : maps(dir, "Arguments")) {
                    fromValue(map(arg, "Value"), vars);
                }
            }
            boolean isSpread =
                    !sel.containsKey("Alias") && !sel.containsKey("SelectionSet") && !sel.containsKey("TypeCondition");
            if (isSpread) {
                Map<String, Object> frag = fragments.get(str(sel, "Name"));
                if (frag != null && visiting.add(str(sel, "Name"))) {
                    collect(maps(frag, "SelectionSet"), fragments, vars, visiting);
                }
            } else {
                collect(maps(sel, "SelectionSet"), fragments, vars, visiting);
            }
        }
    }
}
