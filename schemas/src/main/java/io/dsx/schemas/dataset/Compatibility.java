package io.dsx.schemas.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Whether a new dataset schema version may follow the previous one: the new schema must read
 * data written with the previous one (Avro backward compatibility); the {@code dsx.key} field
 * must not change, since it decides Kafka keys and partitions for all versions alike; and an
 * existing field's {@code dsx.sensitivity} may only be raised to {@code direct_identifier}, since
 * policies classify all stored data, of every version, by the latest schema.
 */
public final class Compatibility {
    private Compatibility() {}

    /** The verdict; {@code reasons} is empty exactly when compatible. */
    public record Result(boolean compatible, List<String> reasons) {
        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    public static Result check(DatasetSchema previous, DatasetSchema next) {
        List<String> reasons = new ArrayList<>();
        SchemaCompatibility.SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(next.avro(), previous.avro());
        if (pair.getType() != SchemaCompatibilityType.COMPATIBLE) {
            for (Incompatibility i : pair.getResult().getIncompatibilities()) {
                reasons.add("new schema cannot read data written with the previous one at " + i.getLocation() + ": "
                        + i.getType() + " (" + i.getMessage() + ")");
            }
        }
        for (DatasetField old : previous.fields()) {
            next.field(old.name())
                    .filter(now -> now.sensitivity() != old.sensitivity()
                            && now.sensitivity() != Sensitivity.DIRECT_IDENTIFIER)
                    .ifPresent(now -> reasons.add("field '" + old.name() + "' was "
                            + old.sensitivity().wireName()
                            + "; data already written keeps that class, so it may only become direct_identifier, not "
                            + now.sensitivity().wireName()));
        }
        String before = previous.keyField().map(DatasetField::name).orElse(null);
        String after = next.keyField().map(DatasetField::name).orElse(null);
        if (!Objects.equals(before, after)) {
            reasons.add("the dsx.key field changed from " + before + " to " + after);
        }
        return new Result(reasons.isEmpty(), reasons);
    }
}
