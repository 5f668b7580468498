package io.dsx.schemas.record;

/**
 * A source value that does not fit its field. The message names the field path and the expected
 * type and never contains the value itself (it may be personal data); callers add file and line.
 */
public final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConversionException(String field, String problem) {
        super(field.isEmpty() ? problem : "field '" + field + "': " + problem);
        this.field = field;
    }

    /** Dotted path of the offending field ({@code address.city}), empty for the whole record. */
    public String field() {
        return field;
    }
}
