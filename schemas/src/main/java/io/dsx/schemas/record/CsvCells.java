package io.dsx.schemas.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.avro.Schema;

/**
 * Turns one CSV cell into the JSON value {@link JsonValues} expects for its field type. Rules: an
 * empty cell is null when the type allows null (else the empty string for a string); numbers and
 * booleans are parsed from text; dates and timestamps stay ISO text; records, arrays, maps and
 * unions of several non-null types are JSON text in the cell.
 */
final class CsvCells {
    /** Longest number text parsed, as Jackson's default for JSON: parsing cost grows with length. */
    private static final int MAX_NUMBER_CHARS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsvCells() {}

    static JsonNode toJson(Schema s, String cell, String path, ObjectMapper json) throws ConversionException {
        return switch (s.getType()) {
            case UNION -> union(s, cell, path, json);
            case NULL -> cell.isEmpty() ? NODES.nullNode() : fail(s, path);
            case BOOLEAN ->
                switch (cell) {
                    case "true" -> NODES.booleanNode(true);
                    case "false" -> NODES.booleanNode(false);
                    default -> fail(s, path);
                };
            case INT, LONG -> s.getLogicalType() != null ? NODES.textNode(cell) : integer(s, cell, path);
            case FLOAT, DOUBLE -> decimal(s, cell, path);
            case STRING, ENUM, BYTES, FIXED -> NODES.textNode(cell);
            case RECORD, ARRAY, MAP -> parseJson(s, cell, path, json);
        };
    }

    private static JsonNode union(Schema s, String cell, String path, ObjectMapper json) throws ConversionException {
        boolean nullable = s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
        if (cell.isEmpty() && nullable) {
            return NODES.nullNode();
        }
        var branches = s.getTypes().stream()
                .filter(t -> t.getType() != Schema.Type.NULL)
                .toList();
        return branches.size() == 1 ? toJson(branches.get(0), cell, path, json) : parseJson(s, cell, path, json);
    }

    private static JsonNode integer(Schema s, String cell, String path) throws ConversionException {
        if (cell.length() > MAX_NUMBER_CHARS) {
            return fail(s, path);
        }
        try {
            return NODES.numberNode(new BigInteger(cell));
        } catch (NumberFormatException e) {
            return fail(s, path);
        }
    }

    private static JsonNode decimal(Schema s, String cell, String path) throws ConversionException {
        if (cell.length() > MAX_NUMBER_CHARS) {
            return fail(s, path);
        }
        try {
            return NODES.numberNode(new BigDecimal(cell));
        } catch (NumberFormatException e) {
            return fail(s, path);
        }
    }

    private static JsonNode parseJson(Schema s, String cell, String path, ObjectMapper json)
            throws ConversionException {
        try {
            return json.readTree(cell);
        } catch (JsonProcessingException e) {
            throw new ConversionException(path, "expected " + TypeNames.describe(s) + " written as JSON in the cell");
        }
    }

    private static JsonNode fail(Schema s, String path) throws ConversionException {
        throw JsonValues.mismatch(s, path);
    }
}
