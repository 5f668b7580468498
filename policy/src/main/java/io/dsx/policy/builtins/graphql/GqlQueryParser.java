package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.graphql.GqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Query documents (operations and fragments), as gqlparser's {@code parser/query.go}. */
final class GqlQueryParser extends GqlParserBase {

    private GqlQueryParser(String input) {
        super(input);
    }

    static Map<String, Object> parse(String input) {
        return new GqlQueryParser(input).document();
    }

    private Map<String, Object> document() {
        List<Object> operations = new ArrayList<>();
        List<Object> fragments = new ArrayList<>();
        while (peek().kind() != Kind.EOF) {
            GqlToken t = peek();
            if (t.kind() == Kind.NAME) {
                switch (t.value()) {
                    case "query", "mutation", "subscription" -> operations.add(operation());
                    case "fragment" -> fragments.add(fragment());
                    default -> throw unexpected();
                }
            } else if (t.kind() == Kind.BRACE_L) {
                operations.add(operation());
            } else {
                throw unexpected();
            }
        }
        return node("Operations", operations, "Fragments", fragments);
    }

    private Map<String, Object> operation() {
        Map<String, Object> at = pos();
        if (peek().kind() == Kind.BRACE_L) {
            return node(
                    "Operation",
                    "query",
                    "Name",
                    "",
                    "VariableDefinitions",
                    List.of(),
                    "Directives",
                    List.of(),
                    "SelectionSet",
                    requiredSelectionSet(),
                    "Position",
                    at);
        }
        String op = parseOperationType();
        String name = peek().kind() == Kind.NAME ? next().value() : "";
        List<Map<String, Object>> vars = variableDefinitions();
        List<Map<String, Object>> directives = parseDirectives(false);
        return node(
                "Operation",
                op,
                "Name",
                name,
                "VariableDefinitions",
                vars,
                "Directives",
                directives,
                "SelectionSet",
                requiredSelectionSet(),
                "Position",
                at);
    }

    private List<Map<String, Object>> variableDefinitions() {
        return many(Kind.PAREN_L, Kind.PAREN_R, () -> {
            Map<String, Object> at = pos();
            String variable = parseVariable();
            expect(Kind.COLON);
            Map<String, Object> type = parseTypeReference();
            Map<String, Object> dflt = skip(Kind.EQUALS) ? parseValueLiteral(true) : null;
            return node(
                    "Variable",
                    variable,
                    "Type",
                    type,
                    "DefaultValue",
                    dflt,
                    "Directives",
                    parseDirectives(false),
                    "Used",
                    false,
                    "Position",
                    at);
        });
    }

    private List<Map<String, Object>> requiredSelectionSet() {
        if (peek().kind() != Kind.BRACE_L) {
            throw error(peek(), "Expected " + Kind.BRACE_L.text + ", found " + peek().kind().text);
        }
        return some(Kind.BRACE_L, Kind.BRACE_R, this::selection);
    }

    private Map<String, Object> selection() {
        return peek().kind() == Kind.SPREAD ? fragmentSelection() : field();
    }

    private Map<String, Object> field() {
        Map<String, Object> at = pos();
        String alias = parseName();
        String name = skip(Kind.COLON) ? parseName() : alias;
        List<Map<String, Object>> args = parseArguments(false);
        List<Map<String, Object>> directives = parseDirectives(false);
        List<Map<String, Object>> selections =
                peek().kind() == Kind.BRACE_L ? some(Kind.BRACE_L, Kind.BRACE_R, this::selection) : List.of();
        return node(
                "Alias",
                alias,
                "Name",
                name,
                "Arguments",
                args,
                "Directives",
                directives,
                "SelectionSet",
                selections,
                "Position",
                at);
    }

    private Map<String, Object> fragmentSelection() {
        expect(Kind.SPREAD);
        GqlToken t = peek();
        Map<String, Object> at = pos();
        if (t.kind() == Kind.NAME && !t.value().equals("on")) {
            String name = fragmentName();
            return node("Name", name, "Directives", parseDirectives(false), "Position", at);
        }
        String typeCondition = "";
        if (peek().value().equals("on")) {
            next();
            typeCondition = parseName();
        }
        List<Map<String, Object>> directives = parseDirectives(false);
        return node(
                "TypeCondition",
                typeCondition,
                "Directives",
                directives,
                "SelectionSet",
                requiredSelectionSet(),
                "Position",
                at);
    }

    private Map<String, Object> fragment() {
        Map<String, Object> at = pos();
        expectKeyword("fragment");
        String name = fragmentName();
        List<Map<String, Object>> vars = variableDefinitions();
        expectKeyword("on");
        String typeCondition = parseName();
        List<Map<String, Object>> directives = parseDirectives(false);
        return node(
                "Name",
                name,
                "VariableDefinition",
                vars,
                "TypeCondition",
                typeCondition,
                "Directives",
                directives,
                "SelectionSet",
                requiredSelectionSet(),
                "Position",
                at);
    }

    private String fragmentName() {
        if (peek().value().equals("on")) {
            throw unexpected();
        }
        return parseName();
    }
}
