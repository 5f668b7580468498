package io.dsx.policy.builtins;

/**
 * A builtin failed. The evaluator turns it into {@code eval_type_error} or
 * {@code eval_builtin_error}; by default the call is then undefined, in strict mode the first
 * such error fails the query. The message already starts with the builtin name
 * ({@code "units.parse: no amount provided"}). No stack trace: this is an expected outcome.
 */
public final class BuiltinException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which OPA error code the failure maps to. */
    public enum Kind {
        /** {@code eval_type_error}: an operand has the wrong type. */
        TYPE("eval_type_error"),
        /** {@code eval_builtin_error}: anything else. */
        BUILTIN("eval_builtin_error");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public BuiltinException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The OPA error code ({@code eval_type_error} or {@code eval_builtin_error}). */
    public String code() {
        return kind.code();
    }

    /** {@code eval_builtin_error} with message {@code "<builtin>: <detail>"}. */
    public static BuiltinException builtin(String builtin, String detail) {
        return new BuiltinException(Kind.BUILTIN, builtin + ": " + detail);
    }

    /** {@code eval_type_error} with message {@code "<builtin>: <detail>"}. */
    public static BuiltinException type(String builtin, String detail) {
        return new BuiltinException(Kind.TYPE, builtin + ": " + detail);
    }
}
