package io.dsx.policy.error;

import io.dsx.policy.ast.Loc;

/**
 * A parse, compile or evaluation error as OPA reports it: {@code <file>:<row>: <code>: <message>}
 * (or {@code <code>: <message>} without location). Codes are stable API; see {@link Code}.
 */
public final class RegoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** OPA's error codes. The string form is what OPA prints. */
    public enum Code {
        PARSE("rego_parse_error"),
        COMPILE("rego_compile_error"),
        UNSAFE_VAR("rego_unsafe_var_error"),
        RECURSION("rego_recursion_error"),
        TYPE("rego_type_error"),
        EVAL_CONFLICT("eval_conflict_error"),
        EVAL_TYPE("eval_type_error"),
        EVAL_BUILTIN("eval_builtin_error"),
        EVAL_CANCEL("eval_cancel_error"),
        EVAL_LIMIT("eval_limit_error"),
        EVAL_INTERNAL("eval_internal_error");

        private final String text;

        Code(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Code code;
    private final String detail;
    private final transient Loc loc;

    public RegoException(Code code, String detail, Loc loc) {
        super(format(code, detail, loc), null, false, false);
        this.code = code;
        this.detail = detail;
        this.loc = loc;
    }

    private static String format(Code code, String detail, Loc loc) {
        if (loc == null || loc.row() == 0) {
            return code.text() + ": " + detail;
        }
        return loc.file() + ":" + loc.row() + ": " + code.text() + ": " + detail;
    }

    public Code code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public Loc loc() {
        return loc;
    }
}
