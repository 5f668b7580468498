package io.dsx.policy.builtins.graphql;

import static io.dsx.policy.builtins.graphql.Ast.map;
import static io.dsx.policy.builtins.graphql.Ast.maps;
import static io.dsx.policy.builtins.graphql.Ast.str;
import static io.dsx.policy.builtins.graphql.Ast.typeName;
import static io.dsx.policy.builtins.graphql.Ast.typeString;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a query document against a schema with the rules of the GraphQL spec that gqlparser
 * applies, walking operations and then fragments; the first error found is thrown. Covered: known
 * root types, fields on correct type, known, unique and required arguments, values of correct
 * type, variables in allowed positions (within the operation's own selections), scalar leafs,
 * known fragments/types/directives, unique directives, defined/used variables, used fragments,
 * fragment cycles, possible fragment spreads, unique and lone operations, single-field
 * subscriptions, input-typed variables, fragments on composite types. Not covered: "overlapping
 * fields can be merged", and variable positions inside named fragments.
 */
final class GqlQueryValidator {

    private final GqlSchema schema;
    private final Map<String, Map<String, Object>> fragments = new java.util.LinkedHashMap<>();
    private final Set<String> usedFragments = new HashSet<>();
    /** Variable definitions of the operation being walked; empty inside standalone fragments. */
    private Map<String, Map<String, Object>> variableDefs = Map.of();

    private GqlQueryValidator(GqlSchema schema) {
        this.schema = schema;
    }

    static void validate(GqlSchema schema, Map<String, Object> query) {
        new GqlQueryValidator(schema).run(query);
    }

    private void run(Map<String, Object> doc) {
        List<Map<String, Object>> ops = maps(doc, "Operations");
        for (Map<String, Object> f : maps(doc, "Fragments")) {
            if (fragments.containsKey(str(f, "Name"))) {
                throw at(f, "There can be only one fragment named \"" + str(f, "Name") + "\".");
            }
            fragments.put(str(f, "Name"), f);
        }
        GqlFragmentCycles.check(fragments);
        Set<String> opNames = new HashSet<>();
        for (Map<String, Object> op : ops) {
            if (str(op, "Name").isEmpty() && ops.size() > 1) {
                throw at(op, "This anonymous operation must be the only defined operation.");
            }
            if (!str(op, "Name").isEmpty() && !opNames.add(str(op, "Name"))) {
                throw at(op, "There can be only one operation named \"" + str(op, "Name") + "\".");
            }
            operation(op);
        }
        for (Map<String, Object> f : fragments.values()) {
            fragmentDefinition(f);
        }
        for (Map<String, Object> f : fragments.values()) {
            if (!usedFragments.contains(str(f, "Name"))) {
                throw at(f, "Fragment \"" + str(f, "Name") + "\" is never used.");
            }
        }
    }

    private void operation(Map<String, Object> op) {
        String opType = str(op, "Operation").isEmpty() ? "query" : str(op, "Operation");
        Set<String> declared = new LinkedHashSet<>();
        for (Map<String, Object> v : maps(op, "VariableDefinitions")) {
            String t = typeName(map(v, "Type"));
            if (!schema.types.containsKey(t)) {
                throw at(v, "Unknown type \"" + t + "\".");
            }
            if (!schema.isInputType(t)) {
                throw at(
                        v,
                        "Variable \"$" + str(v, "Variable") + "\" cannot be non-input type \""
                                + typeString(map(v, "Type")) + "\".");
            }
            String problem = GqlValueChecks.problem(schema, map(v, "Type"), map(v, "DefaultValue"));
            if (problem != null) {
                throw at(map(v, "DefaultValue"), problem);
            }
            if (!declared.add(str(v, "Variable"))) {
                throw at(v, "There can be only one variable named \"$" + str(v, "Variable") + "\".");
            }
        }
        String root = schema.rootFor(opType);
        if (root == null) {
            throw at(op, "Schema does not support operation type \"" + opType + "\"");
        }
        if (opType.equals("subscription") && maps(op, "SelectionSet").size() > 1) {
            throw at(
                    op,
                    str(op, "Name").isEmpty()
                            ? "Anonymous Subscription must select only one top level field."
                            : "Subscription \"" + str(op, "Name") + "\" must select only one top level field.");
        }
        variableDefs = new java.util.HashMap<>();
        for (Map<String, Object> v : maps(op, "VariableDefinitions")) {
            variableDefs.put(str(v, "Variable"), v);
        }
        directives(maps(op, "Directives"), opType.toUpperCase(java.util.Locale.ROOT));
        Set<String> used = new LinkedHashSet<>();
        selectionSet(root, maps(op, "SelectionSet"), used, new HashSet<>());
        variableDefs = Map.of();
        String opName = str(op, "Name");
        for (String u : used) {
            if (!declared.contains(u)) {
                throw at(
                        op,
                        opName.isEmpty()
                                ? "Variable \"$" + u + "\" is not defined."
                                : "Variable \"$" + u + "\" is not defined by operation \"" + opName + "\".");
            }
        }
        for (Map<String, Object> v : maps(op, "VariableDefinitions")) {
            if (!used.contains(str(v, "Variable"))) {
                throw at(
                        v,
                        opName.isEmpty()
                                ? "Variable \"$" + str(v, "Variable") + "\" is never used."
                                : "Variable \"$" + str(v, "Variable") + "\" is never used in operation \"" + opName
                                        + "\".");
            }
        }
    }

    private void fragmentDefinition(Map<String, Object> f) {
        String cond = str(f, "TypeCondition");
        typeCondition(f, cond);
        directives(maps(f, "Directives"), "FRAGMENT_DEFINITION");
        selectionSet(cond, maps(f, "SelectionSet"), new HashSet<>(), new HashSet<>());
    }

    private void typeCondition(Map<String, Object> node, String cond) {
        Map<String, Object> t = schema.types.get(cond);
        if (t == null) {
            throw at(node, "Unknown type \"" + cond + "\".");
        }
        String k = str(t, "Kind");
        if (!k.equals("OBJECT") && !k.equals("INTERFACE") && !k.equals("UNION")) {
            throw at(node, "Fragment cannot condition on non composite type \"" + cond + "\".");
        }
    }

    private void selectionSet(
            String parent, List<Map<String, Object>> selections, Set<String> vars, Set<String> visiting) {
        for (Map<String, Object> sel : selections) {
            if (sel.containsKey("Alias") || (sel.containsKey("Name") && sel.containsKey("Arguments"))) {
                field(parent, sel, vars, visiting);
            } else if (sel.containsKey("SelectionSet") || sel.containsKey("TypeCondition")) {
                String cond = str(sel, "TypeCondition");
                if (!cond.isEmpty()) {
                    typeCondition(sel, cond);
                    if (!GqlTypeRelations.overlap(schema, parent, cond)) {
                        throw at(
                                sel,
                                "Fragment cannot be spread here as objects of type \"" + parent
                                        + "\" can never be of type \"" + cond + "\".");
                    }
                }
                directives(maps(sel, "Directives"), "INLINE_FRAGMENT");
                collectVariables(maps(sel, "Directives"), vars);
                selectionSet(cond.isEmpty() ? parent : cond, maps(sel, "SelectionSet"), vars, visiting);
            } else {
                spread(parent, sel, vars, visiting);
            }
        }
    }

    private void spread(String parent, Map<String, Object> sel, Set<String> vars, Set<String> visiting) {
        String name = str(sel, "Name");
        Map<String, Object> frag = fragments.get(name);
        if (frag == null) {
            throw at(sel, "Unknown fragment \"" + name + "\".");
        }
        String cond = str(frag, "TypeCondition");
        if (schema.types.containsKey(cond) && !GqlTypeRelations.overlap(schema, parent, cond)) {
            throw at(
                    sel,
                    "Fragment \"" + name + "\" cannot be spread here as objects of type \"" + parent
                            + "\" can never be of type \"" + cond + "\".");
        }
        usedFragments.add(name);
        directives(maps(sel, "Directives"), "FRAGMENT_SPREAD");
        collectVariables(maps(sel, "Directives"), vars);
        if (visiting.add(name)) {
            collectVariables(maps(frag, "Directives"), vars);
            GqlVariables.collect(maps(frag, "SelectionSet"), fragments, vars, new HashSet<>(visiting));
            visiting.remove(name);
        }
    }

    private void field(String parent, Map<String, Object> sel, Set<String> vars, Set<String> visiting) {
        String name = str(sel, "Name");
        directives(maps(sel, "Directives"), "FIELD");
        collectVariables(maps(sel, "Directives"), vars);
        for (Map<String, Object> arg : maps(sel, "Arguments")) {
            GqlVariables.fromValue(map(arg, "Value"), vars);
        }
        if (name.equals("__typename")) {
            return;
        }
        Map<String, Object> def = schema.field(parent, name);
        if (def == null) {
            throw at(sel, "Cannot query field \"" + name + "\" on type \"" + parent + "\".");
        }
        arguments(
                sel,
                maps(sel, "Arguments"),
                maps(def, "Arguments"),
                argName -> "Unknown argument \"" + argName + "\" on field \"" + parent + "." + name + "\".",
                (argName, type) -> "Field \"" + name + "\" argument \"" + argName + "\" of type \"" + type
                        + "\" is required, but it was not provided.");
        String fieldType = typeName(map(def, "Type"));
        List<Map<String, Object>> children = maps(sel, "SelectionSet");
        if (schema.isLeaf(fieldType) && !children.isEmpty()) {
            throw at(
                    sel,
                    "Field \"" + name + "\" must not have a selection since type \"" + typeString(map(def, "Type"))
                            + "\" has no subfields.");
        }
        if (!schema.isLeaf(fieldType) && children.isEmpty()) {
            throw at(
                    sel,
                    "Field \"" + name + "\" of type \"" + typeString(map(def, "Type"))
                            + "\" must have a selection of subfields. Did you mean \"" + name + " { ... }\"?");
        }
        selectionSet(fieldType, children, vars, visiting);
    }

    private void arguments(
            Map<String, Object> node,
            List<Map<String, Object>> given,
            List<Map<String, Object>> defs,
            java.util.function.Function<String, String> unknown,
            java.util.function.BiFunction<String, String, String> missing) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> arg : given) {
            if (GqlImplementsCheck.byName(defs, str(arg, "Name")) == null) {
                throw at(arg, unknown.apply(str(arg, "Name")));
            }
            if (!seen.add(str(arg, "Name"))) {
                throw at(arg, "There can be only one argument named \"" + str(arg, "Name") + "\".");
            }
            Map<String, Object> argDef = GqlImplementsCheck.byName(defs, str(arg, "Name"));
            String problem = GqlValueChecks.problem(schema, map(argDef, "Type"), map(arg, "Value"));
            if (problem == null) {
                problem = GqlTypeRelations.variablePositionProblem(variableDefs, argDef, map(arg, "Value"));
            }
            if (problem != null) {
                throw at(map(arg, "Value") != null ? map(arg, "Value") : arg, problem);
            }
        }
        for (Map<String, Object> def : defs) {
            boolean required = GqlSchema.nonNull(map(def, "Type")) && map(def, "DefaultValue") == null;
            Map<String, Object> arg = GqlImplementsCheck.byName(given, str(def, "Name"));
            if (required && arg == null) {
                throw at(node, missing.apply(str(def, "Name"), typeString(map(def, "Type"))));
            }
        }
    }

    private void directives(List<Map<String, Object>> dirs, String location) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> dir : dirs) {
            String name = str(dir, "Name");
            Map<String, Object> def = schema.directives.get(name);
            if (def == null) {
                throw at(dir, "Unknown directive \"@" + name + "\".");
            }
            if (!Ast.strings(def, "Locations").contains(location)) {
                throw at(dir, "Directive \"@" + name + "\" may not be used on " + location + ".");
            }
            if (!Ast.bool(def, "IsRepeatable") && !seen.add(name)) {
                throw at(dir, "The directive \"@" + name + "\" can only be used once at this location.");
            }
            arguments(
                    dir,
                    maps(dir, "Arguments"),
                    maps(def, "Arguments"),
                    argName -> "Unknown argument \"" + argName + "\" on directive \"@" + name + "\".",
                    (argName, type) -> "Directive \"@" + name + "\" argument \"" + argName + "\" of type \"" + type
                            + "\" is required, but it was not provided.");
        }
    }

    private static void collectVariables(List<Map<String, Object>> dirs, Set<String> vars) {
        for (Map<String, Object> dir : dirs) {
            for (Map<String, Object> arg : maps(dir, "Arguments")) {
                GqlVariables.fromValue(map(arg, "Value"), vars);
            }
        }
    }

    static GqlError at(Map<String, Object> node, String message) {
        int[] p = Ast.position(node);
        return new GqlError(message, p[0], p[1]);
    }
}
