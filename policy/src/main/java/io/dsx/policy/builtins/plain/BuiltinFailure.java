package io.dsx.policy.builtins.plain;

/**
 * An expected failure of a builtin call (bad token, malformed key, invalid schema): the engine
 * reports it as {@code eval_builtin_error}, or as undefined when strict errors are off.
 *
 * <p>Messages follow OPA's texts where the conformance cases check them, and never carry key
 * material or secrets. An {@link IllegalArgumentException}, so helpers shared with the value-based
 * builtins (such as {@code encoding.GoBase64}) fail the same way for both.
 */
public final class BuiltinFailure extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BuiltinFailure(String message) {
        super(message);
    }

    public BuiltinFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Expected failures need no stack trace. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
