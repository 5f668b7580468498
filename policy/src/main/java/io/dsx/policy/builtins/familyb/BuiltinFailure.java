package io.dsx.policy.builtins.familyb;

/**
 * An expected failure of a builtin call (bad token, malformed key, invalid schema): the engine
 * reports it as {@code eval_builtin_error}, or as undefined when strict errors are off.
 *
 * <p>Messages follow OPA's texts where the conformance cases check them, and never carry key
 * material or secrets.
 */
public final class BuiltinFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BuiltinFailure(String message) {
    super(message, null, false, false);
  }

  public BuiltinFailure(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
