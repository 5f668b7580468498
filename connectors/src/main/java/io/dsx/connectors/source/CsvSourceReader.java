package io.dsx.connectors.source;

import io.dsx.schemas.dataset.DatasetSchema;
import io.dsx.schemas.record.ConversionException;
import io.dsx.schemas.record.RecordConverter;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV rows to dataset records: the first row is the header (column names, renamed by the
 * {@link ColumnMapping}), every later row one record; cells are converted by dsx-schemas'
 * {@link RecordConverter} (empty cell = null for a nullable field).
 */
public final class CsvSourceReader implements SourceReader {
    private final CsvTokenizer rows;
    private final Reader in;
    private final String name;
    private final RecordConverter converter;
    private final List<String> header;

    /** Reads and checks the header at once, so a wrong header fails before any row is read. */
    public CsvSourceReader(Reader in, String name, DatasetSchema schema, ColumnMapping mapping)
            throws IOException, SourceException {
        this.in = in;
        this.name = name;
        this.rows = new CsvTokenizer(in, name);
        this.converter = new RecordConverter(schema);
        this.header = header(schema, mapping);
    }

    private List<String> header(DatasetSchema schema, ColumnMapping mapping) throws IOException, SourceException {
        CsvTokenizer.Row row = rows.next();
        if (row == null) {
            throw new SourceException(name, 1, "no header row (the file is empty)");
        }
        List<String> columns = row.cells();
        if (!columns.isEmpty() && columns.get(0).startsWith("\uFEFF")) {
            columns = new ArrayList<>(columns);
            columns.set(0, columns.get(0).substring(1)); // a byte-order mark is not part of the name
        }
        for (String column : mapping.columns()) {
            if (!columns.contains(column)) {
                throw new SourceException(
                        name, row.line(), "--map names column '" + column + "', which the header does not have");
            }
        }
        List<String> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            String field = mapping.field(column);
            if (schema.field(field).isEmpty()) {
                throw new SourceException(
                        name,
                        row.line(),
                        "column '" + column + "' is not a field of "
                                + schema.avro().getName() + " (rename it with --map " + column + "=FIELD)");
            }
            if (!seen.add(field)) {
                throw new SourceException(name, row.line(), "field '" + field + "' is fed by two columns");
            }
            fields.add(field);
        }
        return List.copyOf(fields);
    }

    @Override
    public SourceRecord next() throws SourceException, IOException {
        CsvTokenizer.Row row = rows.next();
        if (row == null) {
            return null;
        }
        try {
            return new SourceRecord(converter.fromCsv(header, row.cells()), row.line());
        } catch (ConversionException e) {
            throw new SourceException(name, row.line(), e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long position() {
        return rows.position();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
