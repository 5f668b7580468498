package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;
import static io.dsx.policy.builtins.graphql.Ast.strings;
import static io.dsx.policy.builtins.graphql.Ast.typeString;
import static io.dsx.policy.builtins.graphql.GqlSchema.fail;

import io.dsx.policy.value.Json;
import java.util.List;
import java.util.Map;

/** Interface implementation rules (GraphQL spec, "Objects", type validation). */
final class GqlImplementsCheck {

    private GqlImplementsCheck() {}

    static void check(GqlSchema s, Map<String, Object> def, String intfName) {
        Map<String, Object> intf = s.types.get(intfName);
        String name = str(def, "Name");
        if (intf == null) {
            throw fail("Undefined type " + Json.quote(intfName) + ".");
        }
        if (!str(intf, "Kind").equals("INTERFACE")) {
            throw fail(Json.quote(intfName) + " is a non interface type " + str(intf, "Kind") + ".");
        }
        for (Map<String, Object> required : maps(intf, "Fields")) {
            String fieldName = str(required, "Name");
            Map<String, Object> found = byName(maps(def, "Fields"), fieldName);
            String prefix = "For " + name + " to implement " + intfName;
            if (found == null) {
                throw fail(prefix + " it must have a field called " + fieldName + ".");
            }
            if (!covariant(s, map(required, "Type"), map(found, "Type"))) {
                throw fail(prefix + " the field " + fieldName + " must have type " + typeString(map(required, "Type"))
                        + ".");
            }
            for (Map<String, Object> reqArg : maps(required, "Arguments")) {
                Map<String, Object> foundArg = byName(maps(found, "Arguments"), str(reqArg, "Name"));
                if (foundArg == null) {
                    throw fail(prefix + " the field " + fieldName + " must have the same arguments but it is missing "
                            + str(reqArg, "Name") + ".");
                }
                if (!typeString(map(reqArg, "Type")).equals(typeString(map(foundArg, "Type")))) {
                    throw fail(prefix + " the field " + fieldName + " must have the same arguments but "
                            + str(reqArg, "Name") + " has the wrong type.");
                }
            }
            for (Map<String, Object> arg : maps(found, "Arguments")) {
                if (byName(maps(required, "Arguments"), str(arg, "Name")) == null
                        && GqlSchema.nonNull(map(arg, "Type"))
                        && map(arg, "DefaultValue") == null) {
                    throw fail(prefix + " any additional arguments on " + fieldName
                            + " must be optional or have a default value but " + str(arg, "Name") + " is required.");
                }
            }
        }
        for (String transitive : strings(intf, "Interfaces")) {
            if (!strings(def, "Interfaces").contains(transitive)) {
                if (transitive.equals(name)) {
                    throw fail("Type " + name + " cannot implement " + intfName
                            + " because it would create a circular reference.");
                }
                throw fail("Type " + name + " must implement " + transitive + " because it is implemented by "
                        + intfName + ".");
            }
        }
    }

    static Map<String, Object> byName(List<Map<String, Object>> list, String name) {
        for (Map<String, Object> m : list) {
            if (str(m, "Name").equals(name)) {
                return m;
            }
        }
        return null;
    }

    private static boolean covariant(GqlSchema s, Map<String, Object> required, Map<String, Object> actual) {
        if (required == null || actual == null) {
            return required == actual;
        }
        if (GqlSchema.nonNull(required) && !GqlSchema.nonNull(actual)) {
            return false;
        }
        String named = str(required, "NamedType");
        if (!named.isEmpty()) {
            String actualName = str(actual, "NamedType");
            return named.equals(actualName)
                    || s.possibleTypes.getOrDefault(named, List.of()).contains(actualName);
        }
        if (GqlSchema.elem(actual) == null) {
            return false;
        }
        return covariant(s, GqlSchema.elem(required), GqlSchema.elem(actual));
    }
}
