package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.bool;
import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;
import static io.dsx.policy.builtins.graphql.Ast.strings;
import static io.dsx.policy.builtins.graphql.Ast.typeName;
import static io.dsx.policy.builtins.graphql.Ast.typeString;
import static io.dsx.policy.builtins.graphql.GqlSchema.fail;

import io.dsx.policy.value.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** gqlparser's type and directive definition checks ({@code validator/schema.go}). */
final class GqlSchemaChecks {

    private GqlSchemaChecks() {}

    static void check(GqlSchema s) {
        for (Map<String, Object> def : s.types.values()) {
            definition(s, def);
        }
        for (Map<String, Object> dir : s.directives.values()) {
            name(str(dir, "Name"));
            arguments(s, maps(dir, "Arguments"), str(dir, "Name"));
        }
    }

    private static void definition(GqlSchema s, Map<String, Object> def) {
        String kind = str(def, "Kind");
        String defName = str(def, "Name");
        for (Map<String, Object> field : maps(def, "Fields")) {
            name(str(field, "Name"));
            typeRef(s, map(field, "Type"));
            arguments(s, maps(field, "Arguments"), null);
            directives(
                    s,
                    maps(field, "Directives"),
                    kind.equals("INPUT_OBJECT") ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION",
                    null);
        }
        for (String t : strings(def, "Types")) {
            Map<String, Object> member = s.types.get(t);
            if (member == null) {
                throw fail("Undefined type " + Json.quote(t) + ".");
            }
            if (!str(member, "Kind").equals("OBJECT")) {
                throw fail(kind + " type " + Json.quote(t) + " must be OBJECT.");
            }
        }
        for (String intf : strings(def, "Interfaces")) {
            GqlImplementsCheck.check(s, def, intf);
        }
        List<Map<String, Object>> fields = maps(def, "Fields");
        switch (kind) {
            case "OBJECT", "INTERFACE" -> {
                if (fields.isEmpty()) {
                    throw fail(kind + " " + defName + ": must define one or more fields.");
                }
                for (Map<String, Object> f : fields) {
                    Map<String, Object> t = s.types.get(typeName(map(f, "Type")));
                    if (t != null && str(t, "Kind").equals("INPUT_OBJECT")) {
                        throw fail(kind + " " + defName
                                + ": field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.");
                    }
                }
            }
            case "ENUM" -> {
                List<Map<String, Object>> values = maps(def, "EnumValues");
                if (values.isEmpty()) {
                    throw fail(kind + " " + defName + ": must define one or more unique enum values.");
                }
                for (Map<String, Object> v : values) {
                    if (Set.of("true", "false", "null").contains(str(v, "Name"))) {
                        throw fail(kind + " " + defName + ": non-enum value " + str(v, "Name") + ".");
                    }
                }
            }
            case "INPUT_OBJECT" -> {
                if (fields.isEmpty()) {
                    throw fail(kind + " " + defName + ": must define one or more input fields.");
                }
                for (Map<String, Object> f : fields) {
                    Map<String, Object> t = s.types.get(typeName(map(f, "Type")));
                    if (t != null && !s.isInputType(str(t, "Name"))) {
                        throw fail(str(t, "Kind") + " " + str(f, "Name")
                                + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.");
                    }
                }
            }
            default -> {}
        }
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                if (str(fields.get(i), "Name").equals(str(fields.get(j), "Name"))) {
                    throw fail("Field " + defName + "." + str(fields.get(j), "Name") + " can only be defined once.");
                }
            }
        }
        if (!bool(def, "BuiltIn")) {
            name(defName);
        }
        directives(s, maps(def, "Directives"), kind, null);
    }

    private static void typeRef(GqlSchema s, Map<String, Object> type) {
        if (!s.types.containsKey(typeName(type))) {
            throw fail("Undefined type " + typeName(type) + ".");
        }
    }

    private static void arguments(GqlSchema s, List<Map<String, Object>> args, String currentDirective) {
        for (Map<String, Object> arg : args) {
            name(str(arg, "Name"));
            typeRef(s, map(arg, "Type"));
            String t = typeName(map(arg, "Type"));
            if (!s.isInputType(t)) {
                throw fail("cannot use " + typeString(map(arg, "Type")) + " as argument " + str(arg, "Name")
                        + " because " + str(s.types.get(t), "Kind") + " is not a valid input type");
            }
            directives(s, maps(arg, "Directives"), "ARGUMENT_DEFINITION", currentDirective);
        }
    }

    private static void directives(GqlSchema s, List<Map<String, Object>> dirs, String location, String current) {
        for (Map<String, Object> dir : dirs) {
            String dirName = str(dir, "Name");
            name(dirName);
            if (dirName.equals(current)) {
                throw fail("Directive " + current + " cannot refer to itself.");
            }
            Map<String, Object> def = s.directives.get(dirName);
            if (def == null) {
                throw fail("Undefined directive " + dirName + ".");
            }
            if (!strings(def, "Locations").contains(location)) {
                throw fail("Directive " + dirName + " is not applicable on " + location + ".");
            }
        }
    }

    private static void name(String name) {
        if (name.startsWith("__")) {
            throw fail("Name \"" + name + "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }
}
