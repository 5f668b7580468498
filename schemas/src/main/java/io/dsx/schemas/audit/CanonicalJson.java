package io.dsx.schemas.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one JSON form audit events carry for input, result and offsets: object keys sorted by UTF-16
 * code units, no insignificant white space, strings and numbers as Jackson writes them. The same
 * JSON value therefore always has the same text, and so the same event bytes.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(AuditLimits.MAX_JSON_DEPTH)
                    .maxStringLength(AuditLimits.MAX_JSON_CHARS)
                    .build())
            .build());

    private CanonicalJson() {}

    /** The canonical text of {@code json}; IllegalArgumentException for text that is not one JSON value. */
    public static String of(String json) {
        if (json == null || json.length() > AuditLimits.MAX_JSON_CHARS * 2) {
            throw new IllegalArgumentException("JSON text missing or longer than " + AuditLimits.MAX_JSON_CHARS * 2);
        }
        try {
            return of(MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not one JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical text of a JSON tree. */
    public static String of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("no JSON value");
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(node, g, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The JSON tree of canonical (or any) JSON text. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not one JSON value: " + e.getOriginalMessage(), e);
        }
    }

    private static void write(JsonNode n, JsonGenerator g, int depth) throws IOException {
        if (depth > AuditLimits.MAX_JSON_DEPTH) {
            throw new IllegalArgumentException("JSON nests deeper than " + AuditLimits.MAX_JSON_DEPTH);
        }
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            g.writeStartObject();
            for (String name : names) {
                g.writeFieldName(name);
                write(n.get(name), g, depth + 1);
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                write(it.next(), g, depth + 1);
            }
            g.writeEndArray();
        } else {
            g.writeTree(n);
        }
    }
}
