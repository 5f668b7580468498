package io.dsx.policy.builtins.graphql;

/** A GraphQL syntax or validation error at a line and column (both from 1). */
final class GqlError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    GqlError(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    GqlError withoutFullStop() {
        String m = getMessage();
        return m.endsWith(".") ? new GqlError(m.substring(0, m.length() - 1), line, column) : this;
    }

    /** OPA's rendering: {@code <message> in GraphQL string at location <line>:<column>}. */
    String render(String where) {
        return getMessage() + " in " + where + " at location " + line + ":" + column;
    }
}
