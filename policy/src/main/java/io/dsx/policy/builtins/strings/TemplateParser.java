package io.dsx.policy.builtins.strings;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text/template subset into a node tree: text, {@code {{expr}}} prints and
 * {@code if}/{@code range}/{@code with} blocks with {@code else}; {@code {{- -}}} trims white space.
 */
final class TemplateParser {

    sealed interface Node permits Text, Print, Block {}

    record Text(String text) implements Node {}

    record Print(String expr) implements Node {}

    /** if / range / with: the head expression, the body and the else branch. */
    record Block(String kind, String head, List<Node> body, List<Node> orElse) implements Node {}

    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private TemplateParser(String source) {
        tokenize(source);
    }

    /** Splits into alternating text and action tokens; actions are stored as "\0" + trimmed content. */
    private void tokenize(String s) {
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < s.length()) {
            int open = s.indexOf("{{", i);
            if (open < 0) {
                text.append(s, i, s.length());
                break;
            }
            text.append(s, i, open);
            int close = s.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("template: unclosed action");
            }
            String inner = s.substring(open + 2, close);
            if (inner.startsWith("- ")) {
                trimRight(text);
                inner = inner.substring(2);
            }
            boolean trimNext = inner.endsWith(" -");
            if (trimNext) {
                inner = inner.substring(0, inner.length() - 2);
            }
            tokens.add(text.toString());
            text.setLength(0);
            tokens.add("\0" + inner.trim());
            i = close + 2;
            while (trimNext && i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
        tokens.add(text.toString());
    }

    private static void trimRight(StringBuilder b) {
        while (b.length() > 0 && Character.isWhitespace(b.charAt(b.length() - 1))) {
            b.setLength(b.length() - 1);
        }
    }

    private List<Node> parseList(boolean top) {
        List<Node> nodes = new ArrayList<>();
        while (pos < tokens.size()) {
            String tok = tokens.get(pos);
            if (!tok.startsWith("\0")) {
                if (!tok.isEmpty()) {
                    nodes.add(new Text(tok));
                }
                pos++;
                continue;
            }
            String action = tok.substring(1);
            if (action.equals("end") || action.equals("else") || action.startsWith("else ")) {
                if (top) {
                    throw new IllegalArgumentException("template: unexpected {{" + action + "}}");
                }
                return nodes;
            }
            pos++;
            if (action.startsWith("/*")) {
                continue;
            }
            String kind = action.split("\\s+", 2)[0];
            if (kind.equals("if") || kind.equals("range") || kind.equals("with")) {
                nodes.add(parseBlock(kind, action.substring(kind.length()).trim()));
            } else {
                nodes.add(new Print(action));
            }
        }
        if (!top) {
            throw new IllegalArgumentException("template: unexpected EOF");
        }
        return nodes;
    }

    private Block parseBlock(String kind, String head) {
        List<Node> body = parseList(false);
        String closing = tokens.get(pos++).substring(1);
        List<Node> orElse = List.of();
        if (closing.startsWith("else if ")) {
            orElse = List.of(
                    parseBlock("if", closing.substring("else if ".length()).trim()));
            return new Block(kind, head, body, orElse);
        }
        if (closing.equals("else")) {
            orElse = parseList(false);
            pos++;
        }
        return new Block(kind, head, body, orElse);
    }

    static List<Node> parse(String source) {
        TemplateParser t = new TemplateParser(source);
        List<Node> nodes = t.parseList(true);
        if (t.pos < t.tokens.size()) {
            throw new IllegalArgumentException("template: unexpected {{" + t.tokens.get(t.pos) + "}}");
        }
        return nodes;
    }
}
