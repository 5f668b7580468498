package io.dsx.schemas.record;

import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** Short human names of Avro types for error messages: "int", "date", "null or string". */
final class TypeNames {
    private TypeNames() {}

    static String describe(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical != null) {
            return logical.getName();
        }
        return switch (s.getType()) {
            case UNION ->
                String.join(
                        " or ", s.getTypes().stream().map(TypeNames::describe).toList());
            case ENUM -> "enum " + s.getEnumSymbols();
            case FIXED -> "fixed(" + s.getFixedSize() + ") base64";
            case BYTES -> "bytes base64";
            case RECORD -> "record " + s.getName();
            default -> s.getType().getName();
        };
    }
}
