package io.dsx.schemas.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dsx.schemas.dataset.DatasetSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds dataset records from source rows: CSV (header + cells) or NDJSON (one JSON object per
 * line). Every failure is a {@link ConversionException} naming the field and the expected type;
 * the CLI adds file and line. No partial record is ever returned.
 */
public final class RecordConverter {
    /** Longest accepted NDJSON line, in characters. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Deepest accepted JSON nesting in a line or a cell. */
    public static final int MAX_JSON_DEPTH = 64;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_JSON_DEPTH)
                        .build());
    }

    private final DatasetSchema schema;

    public RecordConverter(DatasetSchema schema) {
        this.schema = schema;
    }

    /** One NDJSON line: a JSON object whose properties are the schema's fields. */
    public GenericRecord fromJson(String line) throws ConversionException {
        if (line.length() > MAX_LINE_CHARS) {
            throw new ConversionException("", "line longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (NumberFormatException e) {
            // e.g. 1e714564800000 with exact decimals; the message would quote the number
            throw new ConversionException("", "not valid JSON (a number out of range)");
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text, which may be personal data: give the column only.
            String where = e.getLocation() == null
                    ? "nested deeper than " + MAX_JSON_DEPTH + " or too large"
                    : "column " + e.getLocation().getColumnNr();
            throw new ConversionException("", "not valid JSON (" + where + ")");
        }
        if (node == null || !node.isObject()) {
            throw new ConversionException("", "expected a JSON object");
        }
        return (GenericRecord) JsonValues.convert(schema.avro(), node, "");
    }

    /**
     * One CSV row. {@code header} names a field per column (a field with a default may be left
     * out); the row must have as many cells as the header.
     */
    public GenericRecord fromCsv(List<String> header, List<String> cells) throws ConversionException {
        if (header.size() != cells.size()) {
            throw new ConversionException("", "row has " + cells.size() + " cells, the header has " + header.size());
        }
        var object = JSON.createObjectNode();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            var field = schema.avro().getField(name);
            if (field == null) {
                throw new ConversionException(
                        name, "column is not a field of " + schema.avro().getName());
            }
            if (!seen.add(name)) {
                throw new ConversionException(name, "column appears twice in the header");
            }
            object.set(name, CsvCells.toJson(field.schema(), cells.get(i), name, JSON));
        }
        return (GenericRecord) JsonValues.convert(schema.avro(), object, "");
    }
}
