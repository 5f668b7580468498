package io.dsx.policy.builtins.graphql;

/** gqlparser's {@code ast.ValueKind} numbers, which appear in the AST as {@code "Kind"}. */
final class GqlValueKind {
    static final int VARIABLE = 0;
    static final int INT = 1;
    static final int FLOAT = 2;
    static final int STRING = 3;
    static final int BLOCK = 4;
    static final int BOOLEAN = 5;
    static final int NULL = 6;
    static final int ENUM = 7;
    static final int LIST = 8;
    static final int OBJECT = 9;

    private GqlValueKind() {}
}
