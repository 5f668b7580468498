package io.dsx.schemas.dataset;

import java.util.List;
import org.apache.avro.Schema;

/**
 * One top-level field of a dataset schema with its dsx tags.
 *
 * @param name the Avro field name
 * @param sensitivity its {@code dsx.sensitivity}
 * @param tags its {@code dsx.tags}, in schema order, possibly empty
 * @param key whether it is the dataset's {@code dsx.key} (the Kafka record key)
 * @param schema the field's Avro type
 */
public record DatasetField(String name, Sensitivity sensitivity, List<String> tags, boolean key, Schema schema) {
    public DatasetField {
        tags = List.copyOf(tags);
    }
}
