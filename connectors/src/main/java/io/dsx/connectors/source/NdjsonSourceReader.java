package io.dsx.connectors.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.ConversionException;
import io.dsx.schemas.record.RecordConverter;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.Map;

/**
 * NDJSON lines to dataset records: one JSON object per line, blank lines skipped; properties are
 * field names after the {@link ColumnMapping}; values are converted by dsx-schemas'
 * {@link RecordConverter} (unknown properties refused, missing ones take their default).
 */
public final class NdjsonSourceReader implements SourceReader {
    // Only used to rename properties under --map; the converter then parses the line again strictly.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Reader in;
    private final BoundedLineReader lines;
    private final String name;
    private final RecordConverter converter;
    private final ColumnMapping mapping;

    public NdjsonSourceReader(Reader in, String name, DatasetSchema schema, ColumnMapping mapping) {
        this.in = in;
        this.lines = new BoundedLineReader(in, RecordConverter.MAX_LINE_CHARS);
        this.name = name;
        this.converter = new RecordConverter(schema);
        this.mapping = mapping;
    }

    @Override
    public SourceRecord next() throws SourceException, IOException {
        BoundedLineReader.Line line = lines.next();
        while (line != null && !line.tooLong() && line.text().isBlank()) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        if (line.tooLong()) {
            throw new SourceException(
                    name, line.number(), "line longer than " + RecordConverter.MAX_LINE_CHARS + " characters");
        }
        try {
            return new SourceRecord(converter.fromJson(renamed(line)), line.number());
        } catch (ConversionException e) {
            throw new SourceException(name, line.number(), e.getMessage());
        }
    }

    private String renamed(BoundedLineReader.Line line) throws SourceException {
        if (mapping.isEmpty()) {
            return line.text();
        }
        JsonNode node;
        try {
            node = JSON.readTree(line.text());
        } catch (JsonProcessingException e) {
            return line.text(); // the converter reports it, with the column and without the text
        }
        if (!(node instanceof ObjectNode object)) {
            return line.text();
        }
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = mapping.field(e.getKey());
            if (out.has(field)) {
                throw new SourceException(name, line.number(), "field '" + field + "' is fed by two properties");
            }
            out.set(field, e.getValue());
        }
        return out.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long position() {
        return lines.position();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
