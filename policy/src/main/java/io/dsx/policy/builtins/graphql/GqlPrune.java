package io.dsx.policy.builtins.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OPA's {@code pruneIrrelevantGraphQLASTNodes}: drops nulls, {@code Position} and members that
 * are empty lists or objects (after pruning their insides); keeps empty strings and false.
 */
final class GqlPrune {

    private GqlPrune() {}

    @SuppressWarnings("unchecked")
    static Object prune(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (e.getKey().equals("Position")) {
                    continue;
                }
                Object p = prune(e.getValue());
                if (!isEmpty(p)) {
                    out.put(e.getKey(), p);
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object p = prune(o);
                if (!isEmpty(p)) {
                    out.add(p);
                }
            }
            return out;
        }
        return v;
    }

    private static boolean isEmpty(Object p) {
        return p == null || (p instanceof Map<?, ?> m && m.isEmpty()) || (p instanceof List<?> l && l.isEmpty());
    }
}
