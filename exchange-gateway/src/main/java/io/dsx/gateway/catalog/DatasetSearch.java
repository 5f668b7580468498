package io.dsx.gateway.catalog;

import io.dsx.gateway.outcome.Refusal;
import io.dsx.gateway.outcome.Refusal.Code;
import java.util.Locale;

/**
 * A catalog search: text in id, title or description (case-insensitive), a tag carried by some
 * field, a DUO code the dataset carries (with or without a modifier). Every criterion is optional
 * and at most 100 characters.
 */
record DatasetSearch(String text, String tag, String duo) {

    private static final int MAX = 100;

    static DatasetSearch of(String q, String tag, String duo) {
        return new DatasetSearch(bounded("q", q), bounded("tag", tag), bounded("duo", duo));
    }

    private static String bounded(String name, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > MAX) {
            throw Refusal.of(Code.MALFORMED_REQUEST, name + " is at most " + MAX + " characters");
        }
        return v.strip().toLowerCase(Locale.ROOT);
    }

    boolean matches(Catalog.Dataset d) {
        if (text != null
                && !(d.id().contains(text)
                        || d.title().toLowerCase(Locale.ROOT).contains(text)
                        || d.description().toLowerCase(Locale.ROOT).contains(text))) {
            return false;
        }
        if (tag != null
                && d.latest().fields().stream()
                        .noneMatch(f -> f.tags().stream()
                                .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(tag)))) {
            return false;
        }
        return duo == null
                || d.duo().stream()
                        .map(c -> c.toLowerCase(Locale.ROOT))
                        .anyMatch(c -> c.equals(duo) || c.startsWith(duo + ":"));
    }
}
