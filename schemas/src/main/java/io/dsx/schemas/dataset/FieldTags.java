package io.dsx.schemas.dataset;

import io.dsx.schemas.dataset.DatasetSchemaException.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/** Reads and checks the dsx properties of one top-level field. */
final class FieldTags {
    static final int MAX_TAGS = 32;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
    private static final Set<String> KNOWN = Set.of(DatasetSchema.SENSITIVITY, DatasetSchema.TAGS, DatasetSchema.KEY);

    private FieldTags() {}

    static DatasetField read(Schema.Field f) throws DatasetSchemaException {
        for (String prop : f.getObjectProps().keySet()) {
            if (prop.startsWith("dsx.") && !KNOWN.contains(prop)) {
                throw new DatasetSchemaException(
                        Problem.UNKNOWN_DSX_PROPERTY,
                        "field '" + f.name() + "': unknown property '" + prop + "' (known: " + KNOWN + ")");
            }
        }
        refuseNestedTags(f.name(), f.schema(), new java.util.HashSet<>());
        return new DatasetField(f.name(), sensitivity(f), tags(f), key(f), f.schema());
    }

    /** dsx tags classify top-level fields only; one on a nested field would be silently ignored. */
    private static void refuseNestedTags(String path, Schema s, Set<String> seen) throws DatasetSchemaException {
        switch (s.getType()) {
            case RECORD -> {
                if (!seen.add(s.getFullName())) {
                    return;
                }
                for (Schema.Field nested : s.getFields()) {
                    for (String prop : nested.getObjectProps().keySet()) {
                        if (prop.startsWith("dsx.")) {
                            throw new DatasetSchemaException(
                                    Problem.NESTED_DSX_PROPERTY,
                                    "field '" + path + "." + nested.name() + "': " + prop
                                            + " is only read on top-level fields; classify '" + path.split("\\.")[0]
                                            + "' instead");
                        }
                    }
                    refuseNestedTags(path + "." + nested.name(), nested.schema(), seen);
                }
            }
            case ARRAY -> refuseNestedTags(path, s.getElementType(), seen);
            case MAP -> refuseNestedTags(path, s.getValueType(), seen);
            case UNION -> {
                for (Schema branch : s.getTypes()) {
                    refuseNestedTags(path, branch, seen);
                }
            }
            default -> {}
        }
    }

    private static Sensitivity sensitivity(Schema.Field f) throws DatasetSchemaException {
        Object value = f.getObjectProp(DatasetSchema.SENSITIVITY);
        String allowed = Arrays.stream(Sensitivity.values())
                .map(Sensitivity::wireName)
                .toList()
                .toString();
        if (value == null) {
            throw new DatasetSchemaException(
                    Problem.MISSING_SENSITIVITY,
                    "field '" + f.name() + "' has no dsx.sensitivity; every field must be classified as one of "
                            + allowed);
        }
        if (!(value instanceof String s)) {
            throw new DatasetSchemaException(
                    Problem.BAD_SENSITIVITY,
                    "field '" + f.name() + "': dsx.sensitivity must be a string, one of " + allowed);
        }
        return Sensitivity.fromWireName(s)
                .orElseThrow(() -> new DatasetSchemaException(
                        Problem.BAD_SENSITIVITY,
                        "field '" + f.name() + "': dsx.sensitivity '" + s + "' is not one of " + allowed));
    }

    private static List<String> tags(Schema.Field f) throws DatasetSchemaException {
        Object value = f.getObjectProp(DatasetSchema.TAGS);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > MAX_TAGS) {
            throw new DatasetSchemaException(
                    Problem.BAD_TAGS,
                    "field '" + f.name() + "': dsx.tags must be an array of at most " + MAX_TAGS + " strings");
        }
        List<String> tags = new ArrayList<>();
        for (Object tag : list) {
            if (!(tag instanceof String s) || !TAG.matcher(s).matches()) {
                throw new DatasetSchemaException(
                        Problem.BAD_TAGS, "field '" + f.name() + "': each dsx.tags entry must match " + TAG.pattern());
            }
            if (tags.contains(s)) {
                throw new DatasetSchemaException(
                        Problem.BAD_TAGS, "field '" + f.name() + "': dsx.tags repeats '" + s + "'");
            }
            tags.add(s);
        }
        return tags;
    }

    private static boolean key(Schema.Field f) throws DatasetSchemaException {
        Object value = f.getObjectProp(DatasetSchema.KEY);
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (!Boolean.TRUE.equals(value)) {
            throw new DatasetSchemaException(
                    Problem.BAD_KEY, "field '" + f.name() + "': dsx.key must be true or false");
        }
        if (f.schema().getType() != Schema.Type.STRING) {
            throw new DatasetSchemaException(
                    Problem.KEY_NOT_STRING,
                    "field '" + f.name() + "': dsx.key must be on a non-null string field, not "
                            + f.schema().getType());
        }
        return true;
    }
}
