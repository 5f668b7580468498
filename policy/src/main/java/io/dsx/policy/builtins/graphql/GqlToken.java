package io.dsx.policy.builtins.graphql;

import io.dsx.policy.value.Json;

/** One lexical token; {@code error} is set on {@link Kind#INVALID} tokens only. */
record GqlToken(Kind kind, String value, int line, int column, String error) {

    /** Token kinds, with the names gqlparser prints in its messages. */
    enum Kind {
        INVALID("<Invalid>"),
        EOF("<EOF>"),
        BANG("!"),
        DOLLAR("$"),
        AMP("&"),
        PAREN_L("("),
        PAREN_R(")"),
        SPREAD("..."),
        COLON(":"),
        EQUALS("="),
        AT("@"),
        BRACKET_L("["),
        BRACKET_R("]"),
        BRACE_L("{"),
        BRACE_R("}"),
        PIPE("|"),
        NAME("Name"),
        INT("Int"),
        FLOAT("Float"),
        STRING("String"),
        BLOCK_STRING("BlockString");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** {@code Kind "value"} as Go's {@code Token.String()} prints it. */
    String describe() {
        return value.isEmpty() ? kind.text : kind.text + " " + Json.quote(value);
    }
}
