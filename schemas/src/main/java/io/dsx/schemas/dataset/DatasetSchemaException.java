package io.dsx.schemas.dataset;

/** A dataset schema that cannot be registered; {@link #problem()} is stable, the message may improve. */
public final class DatasetSchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Stable problem codes. */
    public enum Problem {
        TOO_LARGE,
        TOO_DEEP,
        INVALID_AVRO,
        NOT_A_RECORD,
        TOO_MANY_FIELDS,
        MISSING_SENSITIVITY,
        BAD_SENSITIVITY,
        BAD_TAGS,
        UNKNOWN_DSX_PROPERTY,
        NESTED_DSX_PROPERTY,
        BAD_KEY,
        TWO_KEYS,
        KEY_NOT_STRING,
        RECURSIVE,
        ZERO_SIZE_ITEMS
    }

    private final Problem problem;

    public DatasetSchemaException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
