package io.dsx.policy.builtins.graphql;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of AST maps. ASTs handed in as Rego objects were pruned by OPA, so a missing
 * member means Go's zero value: "", false, an empty list, nil.
 */
final class Ast {

    private Ast() {}

    static String str(Map<String, Object> m, String key) {
        return m != null && m.get(key) instanceof String s ? s : "";
    }

    static boolean bool(Map<String, Object> m, String key) {
        return m != null && Boolean.TRUE.equals(m.get(key));
    }

    static int integer(Map<String, Object> m, String key) {
        return m != null && m.get(key) instanceof Number n ? n.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return m != null && m.get(key) instanceof Map<?, ?> v ? (Map<String, Object>) v : null;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> m, String key) {
        if (m != null && m.get(key) instanceof List<?> l) {
            return (List<Map<String, Object>>)
                    (List<?>) l.stream().filter(Map.class::isInstance).toList();
        }
        return List.of();
    }

    static List<String> strings(Map<String, Object> m, String key) {
        if (m != null && m.get(key) instanceof List<?> l) {
            return l.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }

    /** The innermost named type of a type reference. */
    static String typeName(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t != null && map(t, "Elem") != null) {
            t = map(t, "Elem");
        }
        return str(t, "NamedType");
    }

    /** A type reference as GraphQL writes it: {@code [String!]!}. */
    static String typeString(Map<String, Object> type) {
        if (type == null) {
            return "";
        }
        String inner = map(type, "Elem") != null ? "[" + typeString(map(type, "Elem")) + "]" : str(type, "NamedType");
        return bool(type, "NonNull") ? inner + "!" : inner;
    }

    /** Line and column a node was parsed at, or 0:0 for nodes that came in as Rego objects. */
    static int[] position(Map<String, Object> node) {
        Map<String, Object> p = map(node, "Position");
        return new int[] {integer(p, "Line"), integer(p, "Column")};
    }
}
