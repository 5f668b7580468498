package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.graphql.GqlToken.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** String and block-string tokens, with escapes and the spec's block-string dedent. */
final class GqlLexerStrings {

    private GqlLexerStrings() {}

    static GqlToken readString(GqlLexer lx) {
        String in = lx.input();
        lx.skipOpening(1);
        StringBuilder buf = new StringBuilder();
        while (lx.end() < in.length()) {
            char r = in.charAt(lx.end());
            if (r == '\n' || r == '\r') {
                break;
            }
            if (r < 0x20 && r != '\t') {
                return lx.error(String.format("Invalid character within String: \"\\u%04d\".", (int) r));
            }
            if (r == '"') {
                GqlToken t = lx.token(Kind.STRING, buf.toString());
                lx.advance(1);
                return t;
            }
            if (r != '\\') {
                int cp = in.codePointAt(lx.end());
                buf.appendCodePoint(cp);
                lx.advanceChar();
                continue;
            }
            GqlToken bad = escape(lx, buf);
            if (bad != null) {
                return bad;
            }
        }
        return lx.error("Unterminated string.");
    }

    private static GqlToken escape(GqlLexer lx, StringBuilder buf) {
        String in = lx.input();
        int at = lx.end();
        if (at + 1 >= in.length()) {
            lx.advance(1);
            return lx.error("Invalid character escape sequence.");
        }
        char esc = in.charAt(at + 1);
        if (esc == 'u') {
            if (at + 6 >= in.length()) {
                lx.advance(1);
                return lx.error("Invalid character escape sequence: \\" + in.substring(at + 1) + ".");
            }
            String hex = in.substring(at + 2, at + 6);
            if (!hex.matches("[0-9a-fA-F]{4}")) {
                lx.advance(1);
                return lx.error("Invalid character escape sequence: \\" + in.substring(at + 1, at + 6) + ".");
            }
            buf.append((char) Integer.parseInt(hex, 16));
            lx.advance(6);
            return null;
        }
        String plain = switch (esc) {
            case '"', '/', '\\' -> String.valueOf(esc);
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            default -> null;
        };
        if (plain == null) {
            lx.advance(1);
            return lx.error("Invalid character escape sequence: \\" + esc + ".");
        }
        buf.append(plain);
        lx.advance(2);
        return null;
    }

    static GqlToken readBlockString(GqlLexer lx) {
        String in = lx.input();
        lx.skipOpening(3);
        lx.advance(2);
        StringBuilder buf = new StringBuilder();
        while (lx.end() < in.length()) {
            char r = in.charAt(lx.end());
            if (r == '"' && in.startsWith("\"\"\"", lx.end())) {
                GqlToken t = lx.token(Kind.BLOCK_STRING, blockStringValue(buf.toString()));
                lx.advance(3);
                return t;
            }
            if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') {
                return lx.error(String.format("Invalid character within String: \"\\u%04d\".", (int) r));
            }
            if (r == '\\' && in.startsWith("\\\"\"\"", lx.end())) {
                buf.append("\"\"\"");
                lx.advance(4);
            } else if (r == '\r') {
                if (lx.end() + 1 < in.length() && in.charAt(lx.end() + 1) == '\n') {
                    lx.advance(1);
                }
                buf.append('\n');
                lx.advance(1);
                lx.newLine();
            } else {
                buf.appendCodePoint(in.codePointAt(lx.end()));
                lx.advanceChar();
                if (r == '\n') {
                    lx.newLine();
                }
            }
        }
        return lx.error("Unterminated string.");
    }

    /** GraphQL spec "BlockStringValue": strip common indentation and blank first/last lines. */
    static String blockStringValue(String raw) {
        List<String> lines = new ArrayList<>(Arrays.asList(raw.split("\n", -1)));
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            int indent = leadingWhitespace(l);
            if (indent < l.length() && indent < common) {
                common = indent;
            }
        }
        if (common != Integer.MAX_VALUE && common > 0) {
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i);
                lines.set(i, l.length() > common ? l.substring(common) : "");
            }
        }
        while (!lines.isEmpty()
                && leadingWhitespace(lines.get(0)) == lines.get(0).length()) {
            lines.remove(0);
        }
        while (!lines.isEmpty()
                && leadingWhitespace(lines.get(lines.size() - 1))
                        == lines.get(lines.size() - 1).length()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
