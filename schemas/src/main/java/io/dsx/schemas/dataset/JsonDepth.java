package io.dsx.schemas.dataset;

import io.dsx.schemas.dataset.DatasetSchemaException.Problem;

/** Bounds JSON nesting before any recursive parser sees the text. */
final class JsonDepth {
    private JsonDepth() {}

    static void check(String json, int maxDepth) throws DatasetSchemaException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    throw new DatasetSchemaException(
                            Problem.TOO_DEEP, "schema nests deeper than " + maxDepth + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
