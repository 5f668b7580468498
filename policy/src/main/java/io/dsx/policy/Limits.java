package io.dsx.policy;

/**
 * The engine's structural bounds, owned here and nowhere else. They keep every recursive walk
 * (parser, compiler, evaluator, value equality and serialisation) far inside a default 1 MiB Java
 * thread stack, so that deep module text, input or data is an error value, never a
 * {@link StackOverflowError}.
 */
public final class Limits {
    /**
     * Deepest nesting of brackets, parentheses, braces, {@code not} and unary minus in module or
     * query text, and longest {@code else} chain; beyond it is a {@code rego_parse_error}. OPA
     * bounds its parser the same way.
     */
    public static final int MAX_NESTING = 200;

    /**
     * Deepest nesting of arrays, objects and sets in an input or data document (and in JSON
     * parsed at run time); deeper documents are an {@code eval_limit_error} (input), a
     * {@code rego_compile_error} (data) or a JSON syntax error.
     */
    public static final int MAX_VALUE_DEPTH = 1000;

    /**
     * Most decimal digits left of the point, and right of it, that a number may have; OPA's
     * numbers are bounded too (Go's float64 and big.Float). Keeps {@code 1e999999999 + 1} from
     * building a billion-digit number.
     */
    public static final int MAX_NUMBER_DIGITS = 100_000;

    private Limits() {}
}
