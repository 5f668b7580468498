package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.graphql.GqlToken.Kind;

/**
 * GraphQL lexer following gqlparser's: positions count runes (columns from 1), commas are
 * whitespace, and a lexical error becomes an {@link Kind#INVALID} token carrying the message.
 */
final class GqlLexer {

    private final String in;
    private int end;
    private int endRunes;
    private int startRunes;
    private int line = 1;
    private int lineStartRunes;

    GqlLexer(String input) {
        this.in = input;
    }

    GqlToken next() {
        skipWhitespace();
        int start = end;
        startRunes = endRunes;
        if (end >= in.length()) {
            return token(Kind.EOF, "");
        }
        char r = in.charAt(end);
        advance(1);
        Kind punct = switch (r) {
            case '!' -> Kind.BANG;
            case '$' -> Kind.DOLLAR;
            case '&' -> Kind.AMP;
            case '(' -> Kind.PAREN_L;
            case ')' -> Kind.PAREN_R;
            case ':' -> Kind.COLON;
            case '=' -> Kind.EQUALS;
            case '@' -> Kind.AT;
            case '[' -> Kind.BRACKET_L;
            case ']' -> Kind.BRACKET_R;
            case '{' -> Kind.BRACE_L;
            case '}' -> Kind.BRACE_R;
            case '|' -> Kind.PIPE;
            default -> null;
        };
        if (punct != null) {
            return token(punct, "");
        }
        if (r == '.' && in.startsWith("...", start)) {
            advance(2);
            return token(Kind.SPREAD, "");
        }
        if (r == '#') {
            while (end < in.length() && (in.charAt(end) > 0x1f || in.charAt(end) == '\t')) {
                advanceChar();
            }
            return next();
        }
        if (r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')) {
            while (end < in.length() && isNameChar(in.charAt(end))) {
                advance(1);
            }
            return token(Kind.NAME, in.substring(start, end));
        }
        if (r == '-' || (r >= '0' && r <= '9')) {
            end--;
            endRunes--;
            return GqlLexerNumbers.readNumber(this, start);
        }
        if (r == '"') {
            if (in.startsWith("\"\"\"", start)) {
                return GqlLexerStrings.readBlockString(this);
            }
            return GqlLexerStrings.readString(this);
        }
        end--;
        endRunes--;
        if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') {
            return error(String.format("Cannot contain the invalid character \"\\u%04d\"", (int) r));
        }
        if (r == '\'') {
            return error("Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }
        return error("Cannot parse the unexpected character \"" + new String(Character.toChars(in.codePointAt(end)))
                + "\".");
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void skipWhitespace() {
        while (end < in.length()) {
            char c = in.charAt(end);
            if (c == '\t' || c == ' ' || c == ',' || c == '\uFEFF') {
                advance(1);
            } else if (c == '\n') {
                advance(1);
                newLine();
            } else if (c == '\r') {
                advance(1);
                newLine();
                if (end < in.length() && in.charAt(end) == '\n') {
                    advance(1);
                }
            } else {
                return;
            }
        }
    }

    // --- primitives shared with the number and string readers ---

    String input() {
        return in;
    }

    int end() {
        return end;
    }

    void advance(int chars) {
        end += chars;
        endRunes += chars;
    }

    /** Advances over one code point (one rune). */
    void advanceChar() {
        end += Character.charCount(in.codePointAt(end));
        endRunes++;
    }

    void newLine() {
        line++;
        lineStartRunes = endRunes;
    }

    void skipOpening(int runes) {
        startRunes += runes;
    }

    GqlToken token(Kind kind, String value) {
        return new GqlToken(kind, value, line, startRunes - lineStartRunes + 1, null);
    }

    GqlToken error(String message) {
        return new GqlToken(Kind.INVALID, "", line, endRunes - lineStartRunes + 1, message);
    }
}
