package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.graphql.GqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Schema documents (SDL), as gqlparser's {@code parser/schema.go}. */
final class GqlSchemaParser extends GqlParserBase {

    private static final Set<String> LOCATIONS = Set.of(
            "QUERY",
            "MUTATION",
            "SUBSCRIPTION",
            "FIELD",
            "FRAGMENT_DEFINITION",
            "FRAGMENT_SPREAD",
            "INLINE_FRAGMENT",
            "VARIABLE_DEFINITION",
            "SCHEMA",
            "SCALAR",
            "OBJECT",
            "FIELD_DEFINITION",
            "ARGUMENT_DEFINITION",
            "INTERFACE",
            "UNION",
            "ENUM",
            "ENUM_VALUE",
            "INPUT_OBJECT",
            "INPUT_FIELD_DEFINITION");

    private final boolean builtIn;
    private final List<Object> schema = new ArrayList<>();
    private final List<Object> schemaExtension = new ArrayList<>();
    private final List<Object> directives = new ArrayList<>();
    private final List<Object> definitions = new ArrayList<>();
    private final List<Object> extensions = new ArrayList<>();

    private GqlSchemaParser(String input, boolean builtIn) {
        super(input);
        this.builtIn = builtIn;
    }

    static Map<String, Object> parse(String input) {
        return parse(input, false);
    }

    static Map<String, Object> parse(String input, boolean builtIn) {
        return new GqlSchemaParser(input, builtIn).document();
    }

    private Map<String, Object> document() {
        while (peek().kind() != Kind.EOF) {
            String description = "";
            if (peek().kind() == Kind.BLOCK_STRING || peek().kind() == Kind.STRING) {
                description = next().value();
            }
            if (peek().kind() != Kind.NAME) {
                throw unexpected();
            }
            switch (peek().value()) {
                case "scalar", "type", "interface", "union", "enum", "input" ->
                    definitions.add(typeDefinition(description));
                case "schema" -> schema.add(schemaDefinition(description));
                case "directive" -> directives.add(directiveDefinition(description));
                case "extend" -> {
                    if (!description.isEmpty()) {
                        throw unexpected(prev());
                    }
                    extension();
                }
                default -> throw unexpected();
            }
        }
        return node(
                "Schema",
                schema,
                "SchemaExtension",
                schemaExtension,
                "Directives",
                directives,
                "Definitions",
                definitions,
                "Extensions",
                extensions);
    }

    private String description() {
        GqlToken t = peek();
        return t.kind() == Kind.BLOCK_STRING || t.kind() == Kind.STRING ? next().value() : "";
    }

    private Map<String, Object> definition(String kind, String description, String name) {
        return node(
                "Kind",
                kind,
                "Description",
                description,
                "Name",
                name,
                "Directives",
                List.of(),
                "Interfaces",
                List.of(),
                "Fields",
                List.of(),
                "Types",
                List.of(),
                "EnumValues",
                List.of(),
                "BuiltIn",
                builtIn);
    }

    private Map<String, Object> typeDefinition(String description) {
        String keyword = next().value();
        Map<String, Object> def = definition(kindOf(keyword), description, parseName());
        switch (keyword) {
            case "type", "interface" -> {
                def.put("Interfaces", implementsInterfaces());
                def.put("Directives", parseDirectives(true));
                def.put("Fields", some(Kind.BRACE_L, Kind.BRACE_R, this::fieldDefinition));
            }
            case "union" -> {
                def.put("Directives", parseDirectives(true));
                def.put("Types", unionMembers());
            }
            case "enum" -> {
                def.put("Directives", parseDirectives(true));
                def.put("EnumValues", enumValues());
            }
            case "input" -> {
                def.put("Directives", parseDirectives(true));
                def.put("Fields", some(Kind.BRACE_L, Kind.BRACE_R, this::inputValueDefinition));
            }
            default -> def.put("Directives", parseDirectives(true));
        }
        return def;
    }

    private static String kindOf(String keyword) {
        return switch (keyword) {
            case "scalar" -> "SCALAR";
            case "type" -> "OBJECT";
            case "interface" -> "INTERFACE";
            case "union" -> "UNION";
            case "enum" -> "ENUM";
            default -> "INPUT_OBJECT";
        };
    }

    private List<String> implementsInterfaces() {
        List<String> types = new ArrayList<>();
        if (peek().value().equals("implements")) {
            next();
            skip(Kind.AMP);
            types.add(parseName());
            while (skip(Kind.AMP)) {
                types.add(parseName());
            }
        }
        return types;
    }

    private List<String> unionMembers() {
        List<String> types = new ArrayList<>();
        if (skip(Kind.EQUALS)) {
            skip(Kind.PIPE);
            types.add(parseName());
            while (skip(Kind.PIPE)) {
                types.add(parseName());
            }
        }
        return types;
    }

    private List<Map<String, Object>> enumValues() {
        return some(Kind.BRACE_L, Kind.BRACE_R, () -> {
            String d = description();
            String name = parseName();
            return node("Description", d, "Name", name, "Directives", parseDirectives(true));
        });
    }

    private Map<String, Object> fieldDefinition() {
        String d = description();
        String name = parseName();
        List<Map<String, Object>> args = some(Kind.PAREN_L, Kind.PAREN_R, this::argumentDefinition);
        expect(Kind.COLON);
        Map<String, Object> type = parseTypeReference();
        return node(
                "Description",
                d,
                "Name",
                name,
                "Arguments",
                args,
                "DefaultValue",
                null,
                "Type",
                type,
                "Directives",
                parseDirectives(true));
    }

    private Map<String, Object> argumentDefinition() {
        String d = description();
        String name = parseName();
        expect(Kind.COLON);
        Map<String, Object> type = parseTypeReference();
        Map<String, Object> dflt = skip(Kind.EQUALS) ? parseValueLiteral(true) : null;
        return node(
                "Description",
                d,
                "Name",
                name,
                "DefaultValue",
                dflt,
                "Type",
                type,
                "Directives",
                parseDirectives(true));
    }

    private Map<String, Object> inputValueDefinition() {
        Map<String, Object> def = argumentDefinition();
        def.put("Arguments", List.of());
        return def;
    }

    private Map<String, Object> schemaDefinition(String description) {
        expectKeyword("schema");
        List<Map<String, Object>> dirs = parseDirectives(true);
        List<Map<String, Object>> ops = some(Kind.BRACE_L, Kind.BRACE_R, this::operationTypeDefinition);
        return node("Description", description, "Directives", dirs, "OperationTypes", ops);
    }

    private Map<String, Object> operationTypeDefinition() {
        String op = parseOperationType();
        expect(Kind.COLON);
        return node("Operation", op, "Type", parseName());
    }

    private void extension() {
        expectKeyword("extend");
        String what = peek().value();
        if (what.equals("schema")) {
            next();
            List<Map<String, Object>> dirs = parseDirectives(true);
            List<Map<String, Object>> ops = some(Kind.BRACE_L, Kind.BRACE_R, this::operationTypeDefinition);
            if (dirs.isEmpty() && ops.isEmpty()) {
                throw unexpected();
            }
            schemaExtension.add(node("Description", "", "Directives", dirs, "OperationTypes", ops));
            return;
        }
        if (!Set.of("scalar", "type", "interface", "union", "enum", "input").contains(what)) {
            throw unexpected();
        }
        Map<String, Object> def = typeDefinitionExtension(what);
        extensions.add(def);
    }

    private Map<String, Object> typeDefinitionExtension(String keyword) {
        next();
        Map<String, Object> def = definition(kindOf(keyword), "", parseName());
        switch (keyword) {
            case "type" -> def.put("Interfaces", implementsInterfaces());
            default -> {}
        }
        def.put("Directives", parseDirectives(!keyword.equals("input")));
        switch (keyword) {
            case "type", "interface" -> def.put("Fields", some(Kind.BRACE_L, Kind.BRACE_R, this::fieldDefinition));
            case "union" -> def.put("Types", unionMembers());
            case "enum" -> def.put("EnumValues", enumValues());
            case "input" -> def.put("Fields", some(Kind.BRACE_L, Kind.BRACE_R, this::inputValueDefinition));
            default -> {}
        }
        boolean empty = ((List<?>) def.get("Interfaces")).isEmpty()
                && ((List<?>) def.get("Directives")).isEmpty()
                && ((List<?>) def.get("Fields")).isEmpty()
                && ((List<?>) def.get("Types")).isEmpty()
                && ((List<?>) def.get("EnumValues")).isEmpty();
        if (empty) {
            throw unexpected();
        }
        return def;
    }

    private Map<String, Object> directiveDefinition(String description) {
        expectKeyword("directive");
        expect(Kind.AT);
        String name = parseName();
        List<Map<String, Object>> args = some(Kind.PAREN_L, Kind.PAREN_R, this::argumentDefinition);
        boolean repeatable = false;
        if (peek().kind() == Kind.NAME && peek().value().equals("repeatable")) {
            repeatable = true;
            next();
        }
        expectKeyword("on");
        skip(Kind.PIPE);
        List<String> locations = new ArrayList<>();
        locations.add(location());
        while (skip(Kind.PIPE)) {
            locations.add(location());
        }
        return node(
                "Description",
                description,
                "Name",
                name,
                "Arguments",
                args,
                "Locations",
                locations,
                "IsRepeatable",
                repeatable);
    }

    private String location() {
        GqlToken name = expect(Kind.NAME);
        if (!LOCATIONS.contains(name.value())) {
            throw unexpected(name);
        }
        return name.value();
    }
}
