package io.dsx.policy.parse;

/**
 * A lexical token.
 *
 * @param kind token class
 * @param text identifier/operator text, decoded string contents, or raw template contents
 * @param nlBefore whether a line break separates it from the previous token
 */
record Token(Kind kind, String text, int row, int col, boolean nlBefore, int offset) {
    enum Kind {
        IDENT,
        NUMBER,
        STRING,
        RAW_TEMPLATE,
        TEMPLATE,
        OP,
        EOF
    }

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op);
    }
}
