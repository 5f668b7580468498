package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.graphql.GqlToken.Kind;
import io.dsx.policy.value.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token handling shared by the query and schema parsers, as in gqlparser's {@code parser.go}.
 * The first error ends parsing (gqlparser keeps only the first error, too).
 */
abstract class GqlParserBase {

    /** Nesting beyond this is refused rather than risking the evaluating thread's stack. */
    static final int MAX_DEPTH = 256;

    private final GqlLexer lexer;
    private int depth;
    private GqlToken peeked;
    private GqlToken prev;

    GqlParserBase(String input) {
        this.lexer = new GqlLexer(input);
    }

    final GqlToken peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    final GqlToken next() {
        GqlToken t = peek();
        peeked = null;
        prev = t;
        if (t.kind() == Kind.INVALID) {
            throw new GqlError(t.error(), t.line(), t.column());
        }
        return t;
    }

    final GqlToken prev() {
        return prev;
    }

    final GqlError error(GqlToken tok, String message) {
        return new GqlError(message, tok.line(), tok.column());
    }

    final GqlError unexpected(GqlToken tok) {
        return error(tok, "Unexpected " + tok.describe());
    }

    final GqlError unexpected() {
        return unexpected(peek());
    }

    final GqlToken expectKeyword(String value) {
        GqlToken tok = peek();
        if (tok.kind() == Kind.NAME && tok.value().equals(value)) {
            return next();
        }
        throw error(tok, "Expected " + Json.quote(value) + ", found " + tok.describe());
    }

    final GqlToken expect(Kind kind) {
        GqlToken tok = peek();
        if (tok.kind() == kind) {
            return next();
        }
        throw error(tok, "Expected " + kind.text + ", found " + tok.kind().text);
    }

    final boolean skip(Kind kind) {
        if (peek().kind() != kind) {
            return false;
        }
        next();
        return true;
    }

    /** Zero or more items between {@code start} and {@code end}, if {@code start} is present. */
    final <T> List<T> many(Kind start, Kind end, java.util.function.Supplier<T> item) {
        List<T> out = new ArrayList<>();
        if (!skip(start)) {
            return out;
        }
        enter();
        while (peek().kind() != end) {
            out.add(item.get());
        }
        next();
        depth--;
        return out;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "document nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** One or more items between {@code start} and {@code end}, if {@code start} is present. */
    final <T> List<T> some(Kind start, Kind end, java.util.function.Supplier<T> item) {
        List<T> out = new ArrayList<>();
        if (!skip(start)) {
            return out;
        }
        enter();
        while (peek().kind() != end) {
            out.add(item.get());
        }
        depth--;
        if (out.isEmpty()) {
            throw error(peek(), "expected at least one definition, found " + peek().kind().text);
        }
        next();
        return out;
    }

    /** Position of the next token, kept on nodes for error locations (pruned from output). */
    final Map<String, Object> pos() {
        GqlToken t = peek();
        return node("Line", t.line(), "Column", t.column());
    }

    final String parseName() {
        return expect(Kind.NAME).value();
    }

    /** An AST node: a map with the Go struct's field names, in declaration order. */
    static Map<String, Object> node(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // --- grammar shared by queries and schemas ---

    final Map<String, Object> parseValueLiteral(boolean isConst) {
        Map<String, Object> at = pos();
        Map<String, Object> v = valueLiteral(isConst);
        v.put("Position", at);
        return v;
    }

    private Map<String, Object> valueLiteral(boolean isConst) {
        GqlToken token = peek();
        switch (token.kind()) {
            case BRACKET_L:
                return valueNode(
                        "",
                        GqlValueKind.LIST,
                        many(
                                Kind.BRACKET_L,
                                Kind.BRACKET_R,
                                () -> node("Name", "", "Value", parseValueLiteral(isConst))));
            case BRACE_L:
                return valueNode("", GqlValueKind.OBJECT, many(Kind.BRACE_L, Kind.BRACE_R, () -> {
                    String name = parseName();
                    expect(Kind.COLON);
                    return node("Name", name, "Value", parseValueLiteral(isConst));
                }));
            case DOLLAR:
                if (isConst) {
                    throw unexpected();
                }
                return valueNode(parseVariable(), GqlValueKind.VARIABLE, List.of());
            default:
                break;
        }
        int kind = switch (token.kind()) {
            case INT -> GqlValueKind.INT;
            case FLOAT -> GqlValueKind.FLOAT;
            case STRING -> GqlValueKind.STRING;
            case BLOCK_STRING -> GqlValueKind.BLOCK;
            case NAME ->
                switch (token.value()) {
                    case "true", "false" -> GqlValueKind.BOOLEAN;
                    case "null" -> GqlValueKind.NULL;
                    default -> GqlValueKind.ENUM;
                };
            default -> throw unexpected();
        };
        next();
        return valueNode(token.value(), kind, List.of());
    }

    private static Map<String, Object> valueNode(String raw, int kind, List<Map<String, Object>> children) {
        return node("Raw", raw, "Children", children, "Kind", kind, "ExpectedTypeHasDefault", false);
    }

    final String parseVariable() {
        expect(Kind.DOLLAR);
        return parseName();
    }

    final List<Map<String, Object>> parseDirectives(boolean isConst) {
        List<Map<String, Object>> out = new ArrayList<>();
        while (peek().kind() == Kind.AT) {
            expect(Kind.AT);
            Map<String, Object> at = pos();
            String name = parseName();
            out.add(node("Name", name, "Arguments", parseArguments(isConst), "Location", "", "Position", at));
        }
        return out;
    }

    final List<Map<String, Object>> parseArguments(boolean isConst) {
        return many(Kind.PAREN_L, Kind.PAREN_R, () -> {
            Map<String, Object> at = pos();
            String name = parseName();
            expect(Kind.COLON);
            return node("Name", name, "Value", parseValueLiteral(isConst), "Position", at);
        });
    }

    final Map<String, Object> parseTypeReference() {
        Map<String, Object> typ;
        if (skip(Kind.BRACKET_L)) {
            enter();
            Map<String, Object> elem = parseTypeReference();
            depth--;
            expect(Kind.BRACKET_R);
            typ = node("NamedType", "", "Elem", elem, "NonNull", false);
        } else {
            typ = node("NamedType", parseName(), "Elem", null, "NonNull", false);
        }
        if (skip(Kind.BANG)) {
            typ.put("NonNull", true);
        }
        return typ;
    }

    final String parseOperationType() {
        GqlToken tok = next();
        return switch (tok.value()) {
            case "query", "mutation", "subscription" -> tok.value();
            default -> throw unexpected(tok);
        };
    }
}
