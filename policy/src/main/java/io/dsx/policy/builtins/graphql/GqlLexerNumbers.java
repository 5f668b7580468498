package io.dsx.policy.builtins.graphql;

import io.dsx.policy.builtins.graphql.GqlToken.Kind;

/** Int and Float tokens: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
final class GqlLexerNumbers {

    private GqlLexerNumbers() {}

    static GqlToken readNumber(GqlLexer lx, int start) {
        String in = lx.input();
        boolean isFloat = false;
        accept(lx, "-");
        if (accept(lx, "0")) {
            int consumed = digits(lx);
            if (consumed != 0) {
                lx.advance(-consumed);
                return lx.error("Invalid number, unexpected digit after 0: " + describeNext(lx) + ".");
            }
        } else if (digits(lx) == 0) {
            return lx.error("Invalid number, expected digit but got: " + describeNext(lx) + ".");
        }
        if (accept(lx, ".")) {
            isFloat = true;
            if (digits(lx) == 0) {
                return lx.error("Invalid number, expected digit but got: " + describeNext(lx) + ".");
            }
        }
        if (accept(lx, "eE")) {
            isFloat = true;
            accept(lx, "-+");
            if (digits(lx) == 0) {
                return lx.error("Invalid number, expected digit but got: " + describeNext(lx) + ".");
            }
        }
        return lx.token(isFloat ? Kind.FLOAT : Kind.INT, in.substring(start, lx.end()));
    }

    private static boolean accept(GqlLexer lx, String chars) {
        if (lx.end() < lx.input().length() && chars.indexOf(lx.input().charAt(lx.end())) >= 0) {
            lx.advance(1);
            return true;
        }
        return false;
    }

    private static int digits(GqlLexer lx) {
        int n = 0;
        while (lx.end() < lx.input().length()
                && Character.isDigit(lx.input().charAt(lx.end()))
                && lx.input().charAt(lx.end()) < 128) {
            lx.advance(1);
            n++;
        }
        return n;
    }

    private static String describeNext(GqlLexer lx) {
        return lx.end() < lx.input().length() ? "\"" + lx.input().charAt(lx.end()) + "\"" : "<EOF>";
    }
}
