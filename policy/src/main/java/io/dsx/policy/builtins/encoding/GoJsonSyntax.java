package io.dsx.policy.builtins.encoding;

/**
 * Finds the first syntax error in JSON text and words it as Go's {@code encoding/json} scanner does
 * ({@code invalid character 'p' looking for beginning of value}, {@code unexpected end of JSON input}),
 * so {@code json.unmarshal} fails with OPA's texts. Only used once parsing has already failed.
 */
final class GoJsonSyntax {

    private final String s;
    private int i;

    private GoJsonSyntax(String s) {
        this.s = s;
    }

    /** Go's error text for the first syntax error, or null when the text is valid JSON. */
    static String error(String text) {
        GoJsonSyntax p = new GoJsonSyntax(text);
        try {
            p.value("looking for beginning of value");
            p.space();
            if (p.i < text.length()) {
                throw p.bad("after top-level value");
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void value(String context) {
        space();
        char c = peek();
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw bad(context);
                }
            }
        }
    }

    private void object() {
        i++;
        space();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw bad("looking for beginning of object key string");
            }
            string();
            space();
            if (peek() != ':') {
                throw bad("after object key");
            }
            i++;
            value("looking for beginning of value");
            space();
            char c = peek();
            i++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                i--;
                throw bad("after object key:value pair");
            }
        }
    }

    private void array() {
        i++;
        space();
        if (peek() == ']') {
            i++;
            return;
        }
        while (true) {
            value("looking for beginning of value");
            space();
            char c = peek();
            i++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                i--;
                throw bad("after array element");
            }
        }
    }

    private void string() {
        i++;
        while (true) {
            char c = peek();
            i++;
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                i--;
                throw bad("in string literal");
            }
            if (c == '\\') {
                char e = peek();
                if (e == 'u') {
                    i++;
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(peek(), 16) < 0) {
                            throw bad("in \\u hexadecimal character escape");
                        }
                        i++;
                    }
                } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
                    i++;
                } else {
                    throw bad("in string escape code");
                }
            }
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (peek() != word.charAt(k)) {
                throw bad("in literal " + word + " (expecting '" + word.charAt(k) + "')");
            }
            i++;
        }
    }

    private void number() {
        if (peek() == '-') {
            i++;
            if (!digit(peek())) {
                throw bad("in numeric literal");
            }
        }
        if (peek() == '0') {
            i++;
        } else {
            digits();
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (!digit(peek())) {
                throw bad("after decimal point in numeric literal");
            }
            digits();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (!digit(peek())) {
                throw bad("in exponent of numeric literal");
            }
            digits();
        }
    }

    private void digits() {
        while (i < s.length() && digit(s.charAt(i))) {
            i++;
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    /** The next character; running out of input is Go's "unexpected end of JSON input". */
    private char peek() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        return s.charAt(i);
    }

    private IllegalArgumentException bad(String context) {
        int cp = s.codePointAt(i);
        return new IllegalArgumentException("invalid character " + quoteChar(cp) + " " + context);
    }

    /** Go's quoteChar: 'x', with Go escapes for quotes and control characters. */
    private static String quoteChar(int cp) {
        if (cp == '\'') {
            return "'\\''";
        }
        if (cp == '"') {
            return "'\"'";
        }
        String q = io.dsx.policy.builtins.strings.GoFmt.sprintf(
                "%q", java.util.List.of(new String(Character.toChars(cp))));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }
}
