package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.bool;
import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;
import static io.dsx.policy.builtins.graphql.Ast.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A schema assembled from the prelude and a schema document, as gqlparser's
 * {@code ValidateSchemaDocument}: definitions merged with their extensions, root operation
 * types resolved, then every type and directive definition checked.
 */
final class GqlSchema {

    private static final Map<String, Object> PRELUDE = GqlSchemaParser.parse(GqlPrelude.SDL, true);

    final Map<String, Map<String, Object>> types = new TreeMap<>();
    final Map<String, Map<String, Object>> directives = new TreeMap<>();
    final Map<String, List<String>> possibleTypes = new HashMap<>();
    String query;
    String mutation;
    String subscription;
    /** Set when the default root names apply; resolved after the definition checks, as in Go. */
    private boolean deferredDefaultRoots;

    /** Builds and validates; throws {@link GqlError} (no location) for an invalid schema. */
    static GqlSchema build(Map<String, Object> document) {
        GqlSchema s = new GqlSchema();
        s.assemble(List.of(PRELUDE, document));
        GqlSchemaChecks.check(s);
        s.addIntrospectionFields();
        return s;
    }

    private void assemble(List<Map<String, Object>> docs) {
        List<Map<String, Object>> defs = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            for (Map<String, Object> def : maps(doc, "Definitions")) {
                if (types.containsKey(str(def, "Name"))) {
                    throw fail("Cannot redeclare type " + str(def, "Name") + ".");
                }
                Map<String, Object> copy = copyDefinition(def);
                types.put(str(def, "Name"), copy);
                defs.add(copy);
            }
        }
        for (Map<String, Object> doc : docs) {
            for (Map<String, Object> ext : maps(doc, "Extensions")) {
                mergeExtension(ext, defs);
            }
        }
        for (Map<String, Object> def : defs) {
            String kind = str(def, "Kind");
            if (kind.equals("UNION")) {
                strings(def, "Types").forEach(t -> addPossible(str(def, "Name"), t));
            } else if (kind.equals("OBJECT") || kind.equals("INPUT_OBJECT") || kind.equals("INTERFACE")) {
                strings(def, "Interfaces").forEach(i -> addPossible(i, str(def, "Name")));
                if (!kind.equals("INTERFACE")) {
                    addPossible(str(def, "Name"), str(def, "Name"));
                }
            }
        }
        for (Map<String, Object> doc : docs) {
            for (Map<String, Object> dir : maps(doc, "Directives")) {
                String name = str(dir, "Name");
                if (directives.containsKey(name)
                        && !Set.of("include", "skip", "deprecated", "specifiedBy")
                                .contains(name)) {
                    throw fail("Cannot redeclare directive " + name + ".");
                }
                directives.putIfAbsent(name, dir);
            }
        }
        assignRoots(docs);
    }

    private void mergeExtension(Map<String, Object> ext, List<Map<String, Object>> defs) {
        String name = str(ext, "Name");
        Map<String, Object> def = types.get(name);
        if (def == null) {
            def = copyDefinition(GqlParserBase.node("Kind", str(ext, "Kind"), "Name", name));
            types.put(name, def);
            defs.add(def);
        }
        if (!str(def, "Kind").equals(str(ext, "Kind"))) {
            throw fail("Cannot extend type " + name + " because the base type is a " + str(def, "Kind") + ", not "
                    + str(ext, "Kind") + ".");
        }
        for (String member : List.of("Directives", "Interfaces", "Fields", "Types", "EnumValues")) {
            appendAll(def, member, ext.get(member));
        }
    }

    @SuppressWarnings("unchecked")
    private static void appendAll(Map<String, Object> def, String member, Object more) {
        if (more instanceof List<?> l) {
            ((List<Object>) def.get(member)).addAll(l);
        }
    }

    private static Map<String, Object> copyDefinition(Map<String, Object> def) {
        Map<String, Object> copy = new LinkedHashMap<>(def);
        for (String member : List.of("Directives", "Interfaces", "Fields", "Types", "EnumValues")) {
            copy.put(member, new ArrayList<>(def.get(member) instanceof List<?> l ? l : List.of()));
        }
        return copy;
    }

    private void addPossible(String name, String member) {
        possibleTypes.computeIfAbsent(name, k -> new ArrayList<>()).add(member);
    }

    private void assignRoots(List<Map<String, Object>> docs) {
        List<Map<String, Object>> schemas = new ArrayList<>();
        List<Map<String, Object>> extensions = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            schemas.addAll(maps(doc, "Schema"));
            extensions.addAll(maps(doc, "SchemaExtension"));
        }
        if (schemas.size() > 1) {
            throw fail("Cannot have multiple schema entry points, consider schema extensions instead.");
        }
        schemas.forEach(this::assignOperationTypes);
        extensions.forEach(this::assignOperationTypes);
        if (schemas.isEmpty()) {
            // Inferred only when no schema definition names the roots.
            deferredDefaultRoots = true;
        }
    }

    private void assignOperationTypes(Map<String, Object> schemaDef) {
        for (Map<String, Object> op : maps(schemaDef, "OperationTypes")) {
            String type = str(op, "Type");
            if (!types.containsKey(type)) {
                throw fail(
                        "Schema root " + str(op, "Operation") + " refers to a type " + type + " that does not exist.");
            }
            switch (str(op, "Operation")) {
                case "query" -> query = type;
                case "mutation" -> mutation = type;
                case "subscription" -> subscription = type;
                default -> {}
            }
        }
    }

    void applyDefaultRoots() {
        if (!deferredDefaultRoots) {
            return;
        }
        if (query == null && types.containsKey("Query")) {
            query = "Query";
        }
        if (mutation == null && types.containsKey("Mutation")) {
            mutation = "Mutation";
        }
        if (subscription == null && types.containsKey("Subscription")) {
            subscription = "Subscription";
        }
    }

    @SuppressWarnings("unchecked")
    private void addIntrospectionFields() {
        applyDefaultRoots();
        if (query == null) {
            return;
        }
        List<Object> fields = (List<Object>) types.get(query).get("Fields");
        fields.add(GqlParserBase.node(
                "Name", "__schema", "Type", GqlParserBase.node("NamedType", "__Schema", "NonNull", true)));
        fields.add(GqlParserBase.node(
                "Name",
                "__type",
                "Type",
                GqlParserBase.node("NamedType", "__Type", "NonNull", false),
                "Arguments",
                List.of(GqlParserBase.node(
                        "Name", "name", "Type", GqlParserBase.node("NamedType", "String", "NonNull", true)))));
    }

    /** The root type for an operation keyword, or null when the schema has none. */
    String rootFor(String operation) {
        return switch (operation) {
            case "mutation" -> mutation;
            case "subscription" -> subscription;
            default -> query;
        };
    }

    Map<String, Object> field(String typeName, String fieldName) {
        for (Map<String, Object> f : maps(types.get(typeName), "Fields")) {
            if (str(f, "Name").equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    boolean isInputType(String typeName) {
        String k = str(types.get(typeName), "Kind");
        return k.equals("SCALAR") || k.equals("ENUM") || k.equals("INPUT_OBJECT");
    }

    boolean isLeaf(String typeName) {
        String k = str(types.get(typeName), "Kind");
        return k.equals("SCALAR") || k.equals("ENUM");
    }

    static GqlError fail(String message) {
        return new GqlError(message, 0, 0);
    }

    static boolean nonNull(Map<String, Object> type) {
        return bool(type, "NonNull");
    }

    static Map<String, Object> elem(Map<String, Object> type) {
        return map(type, "Elem");
    }
}
