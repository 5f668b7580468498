package io.dsx.policy.parse;

import io.dsx.policy.ast.Loc;
import io.dsx.policy.error.RegoException;
import java.util.ArrayList;
import java.util.List;

/** Splits Rego source into tokens; comments are dropped, line breaks recorded on the next token. */
final class Lexer {
    private static final String[] OPS = {
        ":=", "==", "!=", "<=", ">=", "{", "}", "[", "]", "(", ")", ".", ",", ";", ":", "=", "<", ">", "+", "-", "*",
        "/", "%", "&", "|"
    };

    private final String src;
    private final String file;
    private final int rowBase;
    private final int colBase;
    private int pos;
    private int row = 1;
    private int lineStart;
    /** Comments in source order (for METADATA blocks). */
    final List<Comment> comments = new ArrayList<>();

    /** A {@code #} comment: its row, column (1-based) and text including the {@code #}. */
    record Comment(int row, int col, String text) {}

    Lexer(String src, String file, int rowBase, int colBase) {
        this.src = src;
        this.file = file;
        this.rowBase = rowBase;
        this.colBase = colBase;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        boolean nl = false;
        while (true) {
            nl |= skipSpace();
            if (pos >= src.length()) {
                out.add(tok(Token.Kind.EOF, "", pos, nl));
                return out;
            }
            out.add(next(nl));
            nl = false;
        }
    }

    private boolean skipSpace() {
        boolean nl = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                nl = true;
                pos++;
                row++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                int start = pos;
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
                comments.add(new Comment(row + rowBase - 1, start - lineStart + 1, src.substring(start, pos)));
            } else {
                break;
            }
        }
        return nl;
    }

    private Token tok(Token.Kind kind, String text, int start, boolean nl) {
        return new Token(kind, text, row + rowBase - 1, start - lineStart + 1 + (row == 1 ? colBase : 0), nl, start);
    }

    Loc loc() {
        return new Loc(file, row + rowBase - 1, pos - lineStart + 1);
    }

    private Token next(boolean nl) {
        int start = pos;
        char c = src.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            return tok(Token.Kind.IDENT, src.substring(start, pos), start, nl);
        }
        if (c >= '0' && c <= '9') {
            return number(start, nl);
        }
        if (c == '"') {
            pos++;
            return tok(Token.Kind.STRING, quoted(start), start, nl);
        }
        if (c == '`') {
            int end = src.indexOf('`', pos + 1);
            if (end < 0) {
                throw error("non-terminated raw string");
            }
            String s = src.substring(pos + 1, end);
            advanceOver(end + 1);
            return tok(Token.Kind.STRING, s, start, nl);
        }
        if (c == '$' && pos + 1 < src.length() && (src.charAt(pos + 1) == '"' || src.charAt(pos + 1) == '`')) {
            return template(start, nl);
        }
        for (String op : OPS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return tok(Token.Kind.OP, op, start, nl);
            }
        }
        throw error("illegal token '" + c + "'");
    }

    private void advanceOver(int end) {
        for (int i = pos; i < end; i++) {
            if (src.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        pos = end;
    }

    private Token number(int start, boolean nl) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return tok(Token.Kind.NUMBER, src.substring(start, pos), start, nl);
    }

    /** Decodes a double-quoted string starting after the opening quote. */
    private String quoted(int start) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                pos = start;
                throw error("non-terminated string");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw error("non-terminated string");
            }
            char e = src.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > src.length()) {
                        throw error("illegal unicode escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("illegal unicode escape");
                    }
                    pos += 4;
                }
                default -> throw error("illegal escape sequence \\" + e);
            }
        }
    }

    /** A template string; the raw text between the quotes is kept for the parser to split. */
    private Token template(int start, boolean nl) {
        pos++;
        char q = src.charAt(pos++);
        int depth = 0;
        int from = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (q == '"' && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == '"' && depth > 0) {
                skipInnerString();
                continue;
            } else if (c == q && depth == 0) {
                String raw = src.substring(from, pos);
                advanceOver(pos + 1);
                return tok(q == '"' ? Token.Kind.TEMPLATE : Token.Kind.RAW_TEMPLATE, raw, start, nl);
            } else if (c == '\n' && q == '"') {
                break;
            }
            pos++;
        }
        throw error("non-terminated template string");
    }

    private void skipInnerString() {
        pos++;
        while (pos < src.length() && src.charAt(pos) != '"') {
            pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private RegoException error(String msg) {
        return new RegoException(RegoException.Code.PARSE, msg, loc());
    }
}
