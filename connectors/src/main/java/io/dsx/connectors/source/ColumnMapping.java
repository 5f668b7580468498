package io.dsx.connectors.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --map column=field}: renames source columns (CSV header cells, NDJSON top-level
 * properties) to dataset fields. Columns not named keep their name.
 */
public final class ColumnMapping {
    private final Map<String, String> fieldOf;

    private ColumnMapping(Map<String, String> fieldOf) {
        this.fieldOf = Collections.unmodifiableMap(fieldOf);
    }

    public static ColumnMapping none() {
        return new ColumnMapping(Map.of());
    }

    /**
     * Parses {@code column=field} entries.
     *
     * @throws IllegalArgumentException for an entry without '=', an empty side, or a column or a
     *     field named twice
     */
    public static ColumnMapping parse(List<String> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--map expects column=field, got '" + entry + "'");
            }
            String column = entry.substring(0, eq).strip();
            String field = entry.substring(eq + 1).strip();
            if (map.put(column, field) != null) {
                throw new IllegalArgumentException("--map names column '" + column + "' twice");
            }
        }
        if (Set.copyOf(map.values()).size() != map.size()) {
            throw new IllegalArgumentException("--map maps two columns to the same field");
        }
        return new ColumnMapping(map);
    }

    /** The dataset field a source column feeds. */
    public String field(String column) {
        return fieldOf.getOrDefault(column, column);
    }

    /** The columns this mapping names (each must exist in the source). */
    public Set<String> columns() {
        return fieldOf.keySet();
    }

    public boolean isEmpty() {
        return fieldOf.isEmpty();
    }
}
