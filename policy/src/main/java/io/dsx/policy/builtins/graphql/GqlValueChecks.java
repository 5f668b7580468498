package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;
import static io.dsx.policy.builtins.graphql.Ast.typeString;

import io.dsx.policy.value.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Literal values against their expected input types (GraphQL spec "Values of Correct Type"):
 * built-in scalars by literal kind, enums by member, lists element-wise (a single value is
 * coerced to a list), input objects by their fields. Variables are checked where they are
 * declared, not here; custom scalars accept any literal.
 */
final class GqlValueChecks {

    private GqlValueChecks() {}

    /** The first problem with {@code value} as a {@code type}, or null when it fits. */
    static String problem(GqlSchema schema, Map<String, Object> type, Map<String, Object> value) {
        if (value == null || type == null) {
            return null;
        }
        int kind = Ast.integer(value, "Kind");
        if (kind == GqlValueKind.VARIABLE) {
            return null;
        }
        if (kind == GqlValueKind.NULL) {
            return GqlSchema.nonNull(type) ? "Expected value of type \"" + typeString(type) + "\", found null." : null;
        }
        Map<String, Object> elem = GqlSchema.elem(type);
        if (elem != null) {
            if (kind != GqlValueKind.LIST) {
                return problem(schema, elem, value);
            }
            for (Map<String, Object> child : maps(value, "Children")) {
                String p = problem(schema, elem, map(child, "Value"));
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        String named = str(type, "NamedType");
        Map<String, Object> def = schema.types.get(named);
        if (def == null) {
            return null;
        }
        String raw = str(value, "Raw");
        return switch (str(def, "Kind")) {
            case "ENUM" -> enumProblem(def, named, kind, raw);
            case "INPUT_OBJECT" -> objectProblem(schema, def, named, kind, value);
            default -> scalarProblem(named, kind, raw);
        };
    }

    private static String scalarProblem(String named, int kind, String raw) {
        boolean ok = switch (named) {
            case "Int" -> kind == GqlValueKind.INT;
            case "Float" -> kind == GqlValueKind.INT || kind == GqlValueKind.FLOAT;
            case "String" -> kind == GqlValueKind.STRING || kind == GqlValueKind.BLOCK;
            case "Boolean" -> kind == GqlValueKind.BOOLEAN;
            case "ID" -> kind == GqlValueKind.STRING || kind == GqlValueKind.BLOCK || kind == GqlValueKind.INT;
            default -> true;
        };
        return ok ? null : "Expected value of type \"" + named + "\", found " + display(kind, raw) + ".";
    }

    private static String enumProblem(Map<String, Object> def, String named, int kind, String raw) {
        if (kind != GqlValueKind.ENUM) {
            return "Enum \"" + named + "\" cannot represent non-enum value: " + display(kind, raw) + ".";
        }
        boolean member =
                maps(def, "EnumValues").stream().anyMatch(v -> str(v, "Name").equals(raw));
        return member ? null : "Value \"" + raw + "\" does not exist in \"" + named + "\" enum.";
    }

    private static String objectProblem(
            GqlSchema schema, Map<String, Object> def, String named, int kind, Map<String, Object> value) {
        if (kind != GqlValueKind.OBJECT) {
            return "Expected value of type \"" + named + "\", found " + display(kind, str(value, "Raw")) + ".";
        }
        List<Map<String, Object>> fields = maps(def, "Fields");
        Set<String> given = new HashSet<>();
        for (Map<String, Object> child : maps(value, "Children")) {
            String name = str(child, "Name");
            if (!given.add(name)) {
                return "There can be only one input field named \"" + name + "\".";
            }
            Map<String, Object> field = GqlImplementsCheck.byName(fields, name);
            if (field == null) {
                return "Field \"" + name + "\" is not defined by type \"" + named + "\".";
            }
            String p = problem(schema, map(field, "Type"), map(child, "Value"));
            if (p != null) {
                return p;
            }
        }
        for (Map<String, Object> field : fields) {
            if (GqlSchema.nonNull(map(field, "Type"))
                    && map(field, "DefaultValue") == null
                    && !given.contains(str(field, "Name"))) {
                return "Field \"" + named + "." + str(field, "Name") + "\" of required type \""
                        + typeString(map(field, "Type")) + "\" was not provided.";
            }
        }
        return null;
    }

    private static String display(int kind, String raw) {
        return switch (kind) {
            case GqlValueKind.STRING, GqlValueKind.BLOCK -> Json.quote(raw);
            case GqlValueKind.LIST -> "list";
            case GqlValueKind.OBJECT -> "object";
            default -> raw;
        };
    }
}
