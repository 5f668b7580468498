package io.dsx.connectors.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code dsx audit query} and {@code disclosures} on stdout: an aligned table, CSV (RFC 4180; a
 * cell that a spreadsheet would run as a formula gets a leading {@code '}) or a JSON array of objects.
 * CSV and JSON stream; the table holds at most {@link #MAX_TABLE_ROWS} rows to align them.
 */
final class AuditOutput {
    enum Format {
        TABLE,
        CSV,
        JSON
    }

    static final int MAX_TABLE_ROWS = 100_000;
    private static final int MAX_CELL = 48;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final Format format;
    private final List<String> columns;
    private final List<List<String>> table = new ArrayList<>();
    private long rows;

    AuditOutput(PrintWriter out, Format format, List<String> columns) {
        this.out = out;
        this.format = format;
        this.columns = columns;
        if (format == Format.CSV) {
            out.println(csv(columns));
        } else if (format == Format.JSON) {
            out.print("[");
        }
    }

    /** One row: {@code record} is what JSON writes (a record), {@code cells} what the table and CSV show. */
    void row(Object record, List<String> cells) {
        switch (format) {
            case CSV -> out.println(csv(cells));
            case JSON -> {
                try {
                    out.print((rows == 0 ? "\n  " : ",\n  ") + JSON.writeValueAsString(record));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a row does not serialise", e);
                }
            }
            case TABLE -> {
                if (table.size() >= MAX_TABLE_ROWS) {
                    throw new IllegalArgumentException(
                            "more than " + MAX_TABLE_ROWS + " rows: use --format csv or json, or narrow the filters");
                }
                table.add(cells.stream().map(AuditOutput::cell).toList());
            }
        }
        rows++;
    }

    void end() {
        if (format == Format.JSON) {
            out.println(rows == 0 ? "]" : "\n]");
        } else if (format == Format.TABLE) {
            int[] width = new int[columns.size()];
            List<List<String>> all = new ArrayList<>();
            all.add(columns);
            all.addAll(table);
            all.forEach(r -> {
                for (int i = 0; i < r.size(); i++) {
                    width[i] = Math.max(width[i], r.get(i).length());
                }
            });
            for (List<String> r : all) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    line.append(i == 0 ? "" : "  ")
                            .append(r.get(i))
                            .append(" ".repeat(width[i] - r.get(i).length()));
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.flush();
    }

    long rows() {
        return rows;
    }

    private static String cell(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_CELL ? clean.substring(0, MAX_CELL - 1) + "\u2026" : clean;
    }

    static String csv(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            String v = !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 ? "'" + c : c;
            boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
            out.add(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", out);
    }
}
