package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.str;
import static io.dsx.policy.builtins.graphql.Ast.typeString;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type relations the query rules need: whether two composite types can describe the same object
 * ("Fragment spread is possible") and whether a variable may stand where an argument is expected
 * ("All variable usages are allowed", with the default-value allowance of the spec).
 */
final class GqlTypeRelations {

    private GqlTypeRelations() {}

    static boolean overlap(GqlSchema schema, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Set<String> left = new HashSet<>(concrete(schema, a));
        left.retainAll(concrete(schema, b));
        return !left.isEmpty();
    }

    private static List<String> concrete(GqlSchema schema, String type) {
        Map<String, Object> def = schema.types.get(type);
        if (def == null) {
            return List.of();
        }
        return str(def, "Kind").equals("OBJECT") ? List.of(type) : schema.possibleTypes.getOrDefault(type, List.of());
    }

    /** The spec's message when variable {@code value} may not be used for {@code argDef}, else null. */
    static String variablePositionProblem(
            Map<String, Map<String, Object>> variables, Map<String, Object> argDef, Map<String, Object> value) {
        if (argDef == null || value == null || Ast.integer(value, "Kind") != GqlValueKind.VARIABLE) {
            return null;
        }
        Map<String, Object> varDef = variables.get(str(value, "Raw"));
        if (varDef == null) {
            return null;
        }
        Map<String, Object> varType = map(varDef, "Type");
        Map<String, Object> expected = map(argDef, "Type");
        boolean hasDefault = map(varDef, "DefaultValue") != null
                && Ast.integer(map(varDef, "DefaultValue"), "Kind") != GqlValueKind.NULL;
        Map<String, Object> location = expected;
        if (GqlSchema.nonNull(expected)
                && !GqlSchema.nonNull(varType)
                && (hasDefault || map(argDef, "DefaultValue") != null)) {
            location = nullable(expected);
        }
        if (subType(varType, location)) {
            return null;
        }
        return "Variable \"$" + str(value, "Raw") + "\" of type \"" + typeString(varType)
                + "\" used in position expecting type \"" + typeString(expected) + "\".";
    }

    private static boolean subType(Map<String, Object> actual, Map<String, Object> wanted) {
        if (GqlSchema.nonNull(wanted)) {
            return GqlSchema.nonNull(actual) && subType(nullable(actual), nullable(wanted));
        }
        if (GqlSchema.nonNull(actual)) {
            return subType(nullable(actual), wanted);
        }
        if (GqlSchema.elem(wanted) != null) {
            return GqlSchema.elem(actual) != null && subType(GqlSchema.elem(actual), GqlSchema.elem(wanted));
        }
        return GqlSchema.elem(actual) == null && str(actual, "NamedType").equals(str(wanted, "NamedType"));
    }

    private static Map<String, Object> nullable(Map<String, Object> type) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(type);
        copy.put("NonNull", false);
        return copy;
    }
}
