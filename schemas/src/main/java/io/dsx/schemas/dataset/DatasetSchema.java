package io.dsx.schemas.dataset;

import io.dsx.schemas.dataset.DatasetSchemaException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * A parsed dataset schema: a top-level Avro record whose every field carries
 * {@code dsx.sensitivity}, optionally {@code dsx.tags} and at most one {@code dsx.key: true}.
 */
public final class DatasetSchema {
    /** Largest accepted schema text, in characters. */
    public static final int MAX_SCHEMA_CHARS = 256 * 1024;
    /** Deepest accepted JSON nesting of the schema text. */
    public static final int MAX_DEPTH = 32;
    /** Most top-level fields. */
    public static final int MAX_FIELDS = 1024;

    static final String SENSITIVITY = "dsx.sensitivity";
    static final String TAGS = "dsx.tags";
    static final String KEY = "dsx.key";

    private final Schema avro;
    private final List<DatasetField> fields;

    private DatasetSchema(Schema avro, List<DatasetField> fields) {
        this.avro = avro;
        this.fields = List.copyOf(fields);
    }

    /** Parses and checks {@code avsc}; the exception names the field and the rule broken. */
    public static DatasetSchema parse(String avsc) throws DatasetSchemaException {
        if (avsc.length() > MAX_SCHEMA_CHARS) {
            throw new DatasetSchemaException(
                    Problem.TOO_LARGE, "schema is " + avsc.length() + " characters, limit " + MAX_SCHEMA_CHARS);
        }
        JsonDepth.check(avsc, MAX_DEPTH);
        Schema avro;
        try {
            avro = new Schema.Parser().setValidateDefaults(true).parse(avsc);
        } catch (AvroRuntimeException e) {
            throw new DatasetSchemaException(Problem.INVALID_AVRO, "not a valid Avro schema: " + e.getMessage());
        } catch (RuntimeException e) {
            // Avro's parser answers some malformed input (e.g. a type name that never resolves) with
            // plain runtime exceptions; untrusted text must still get a clear refusal.
            throw new DatasetSchemaException(
                    Problem.INVALID_AVRO,
                    "not a valid Avro schema (" + e.getClass().getSimpleName() + ")");
        }
        if (avro.getType() != Schema.Type.RECORD) {
            throw new DatasetSchemaException(
                    Problem.NOT_A_RECORD, "a dataset schema must be an Avro record, not " + avro.getType());
        }
        if (avro.getFields().size() > MAX_FIELDS) {
            throw new DatasetSchemaException(
                    Problem.TOO_MANY_FIELDS, avro.getFields().size() + " fields, limit " + MAX_FIELDS);
        }
        SchemaShape.check(avro);
        List<DatasetField> fields = new ArrayList<>();
        for (Schema.Field f : avro.getFields()) {
            fields.add(FieldTags.read(f));
        }
        if (fields.stream().filter(DatasetField::key).count() > 1) {
            throw new DatasetSchemaException(
                    Problem.TWO_KEYS,
                    "more than one field is marked dsx.key: "
                            + fields.stream()
                                    .filter(DatasetField::key)
                                    .map(DatasetField::name)
                                    .toList());
        }
        return new DatasetSchema(avro, fields);
    }

    /** The Avro schema, tags included as field properties. */
    public Schema avro() {
        return avro;
    }

    /** Top-level fields in schema order. */
    public List<DatasetField> fields() {
        return fields;
    }

    public Optional<DatasetField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field marked {@code dsx.key}, if any: its value is the Kafka record key. */
    public Optional<DatasetField> keyField() {
        return fields.stream().filter(DatasetField::key).findFirst();
    }

    /** The field classification as policy input expects it: name to {sensitivity, tags}. */
    public Map<String, Map<String, Object>> policyFields() {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (DatasetField f : fields) {
            out.put(f.name(), Map.of("sensitivity", f.sensitivity().wireName(), "tags", f.tags()));
        }
        return out;
    }

    /** The schema as JSON text (Avro's canonical rendering with properties). */
    @Override
    public String toString() {
        return avro.toString();
    }
}
