package io.dsx.policy.builtins.jsonschema;

import io.dsx.policy.builtins.plain.PlainJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a plain JSON document against a plain JSON schema, collecting every failure in
 * gojsonschema's order and wording: type first (a wrong type stops that schema), then the
 * combinators, enum/const, then the keywords of the instance's type.
 */
final class SchemaValidator {

    private final Object root;
    private final List<SchemaError> errors = new ArrayList<>();
    private final Set<RefVisit> refsInProgress = new HashSet<>();

    private record RefVisit(int schemaIdentity, String path) {}

    private SchemaValidator(Object root) {
        this.root = root;
    }

    static List<SchemaError> validate(Object schema, Object document) {
        SchemaValidator v = new SchemaValidator(schema);
        v.validate(schema, document, "(root)", v.errors);
        return v.errors;
    }

    private void add(List<SchemaError> out, String type, String path, String description) {
        String field = path.equals("(root)") ? path : path.substring("(root).".length());
        out.add(new SchemaError(type, field, description));
    }

    @SuppressWarnings("unchecked")
    private void validate(Object schema, Object doc, String path, List<SchemaError> out) {
        if (Boolean.FALSE.equals(schema)) {
            add(out, "false", path, "False always fails validation");
            return;
        }
        if (!(schema instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> s = (Map<String, Object>) schema;
        if (s.get("$ref") instanceof String ref) {
            // A reference that leads back to a schema already applied at this same instance ("$ref": "#")
            // adds nothing and would never end: stop there.
            Object target = SchemaRefs.resolve(root, ref);
            RefVisit visit = new RefVisit(System.identityHashCode(target), path);
            if (refsInProgress.add(visit)) {
                try {
                    validate(target, doc, path, out);
                } finally {
                    refsInProgress.remove(visit);
                }
            }
            return;
        }
        if (!typeMatches(s.get("type"), doc, path, out)) {
            return;
        }
        combinators(s, doc, path, out);
        if (s.containsKey("enum")
                && s.get("enum") instanceof List<?> allowed
                && allowed.stream().noneMatch(a -> same(a, doc))) {
            add(out, "enum", path, fieldName(path) + " must be one of the following: " + joinJson(allowed));
        }
        if (s.containsKey("const") && !same(s.get("const"), doc)) {
            add(out, "const", path, fieldName(path) + " does not match: " + PlainJson.write(s.get("const")));
        }
        if (doc instanceof Map<?, ?> obj) {
            SchemaObjects.validate(this, s, (Map<String, Object>) obj, path, out);
        } else if (doc instanceof List<?> arr) {
            arrays(s, (List<Object>) arr, path, out);
        } else if (doc instanceof String str) {
            strings(s, str, path, out);
        } else if (doc instanceof BigDecimal num) {
            SchemaNumbers.validate(this, s, num, path, out);
        }
    }

    void child(Object schema, Object doc, String path, List<SchemaError> out) {
        validate(schema, doc, path, out);
    }

    void error(List<SchemaError> out, String type, String path, String description) {
        add(out, type, path, description);
    }

    private boolean typeMatches(Object type, Object doc, String path, List<SchemaError> out) {
        if (type == null) {
            return true;
        }
        List<String> types =
                type instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(type));
        if (types.stream().anyMatch(t -> JsonTypes.matches(doc, t))) {
            return true;
        }
        add(
                out,
                "invalid_type",
                path,
                "Invalid type. Expected: " + String.join(", ", types) + ", given: " + JsonTypes.typeOf(doc));
        return false;
    }

    private void combinators(Map<String, Object> s, Object doc, String path, List<SchemaError> out) {
        if (s.get("anyOf") instanceof List<?> any && any.stream().noneMatch(sub -> passes(sub, doc, path))) {
            add(out, "number_any_of", path, "Must validate at least one schema (anyOf)");
        }
        if (s.get("oneOf") instanceof List<?> one
                && one.stream().filter(sub -> passes(sub, doc, path)).count() != 1) {
            add(out, "number_one_of", path, "Must validate one and only one schema (oneOf)");
        }
        if (s.get("allOf") instanceof List<?> all && !all.stream().allMatch(sub -> passes(sub, doc, path))) {
            all.forEach(sub -> validate(sub, doc, path, out));
            add(out, "number_all_of", path, "Must validate all the schemas (allOf)");
        }
        if (s.containsKey("not") && passes(s.get("not"), doc, path)) {
            add(out, "number_not", path, "Must not validate the schema (not)");
        }
        if (s.containsKey("if")) {
            Object branch = passes(s.get("if"), doc, path) ? s.get("then") : s.get("else");
            if (branch != null) {
                validate(branch, doc, path, out);
            }
        }
    }

    boolean passes(Object schema, Object doc, String path) {
        List<SchemaError> scratch = new ArrayList<>();
        validate(schema, doc, path, scratch);
        return scratch.isEmpty();
    }

    private void arrays(Map<String, Object> s, List<Object> arr, String path, List<SchemaError> out) {
        Object items = s.get("items");
        for (int i = 0; i < arr.size(); i++) {
            Object itemSchema = items instanceof List<?> tuple
                    ? (i < tuple.size() ? tuple.get(i) : s.get("additionalItems"))
                    : items;
            if (itemSchema != null) {
                validate(itemSchema, arr.get(i), path + "." + i, out);
            }
        }
        if (s.get("minItems") instanceof BigDecimal min && arr.size() < min.intValue()) {
            add(out, "array_min_items", path, "Array must have at least " + PlainJson.formatNumber(min) + " items");
        }
        if (s.get("maxItems") instanceof BigDecimal max && arr.size() > max.intValue()) {
            add(out, "array_max_items", path, "Array must have at most " + PlainJson.formatNumber(max) + " items");
        }
        if (Boolean.TRUE.equals(s.get("uniqueItems"))) {
            for (int i = 0; i < arr.size(); i++) {
                for (int j = i + 1; j < arr.size(); j++) {
                    if (same(arr.get(i), arr.get(j))) {
                        add(out, "unique", path, "array items[" + i + "," + j + "] must be unique");
                        return;
                    }
                }
            }
        }
        if (s.containsKey("contains") && arr.stream().noneMatch(e -> passes(s.get("contains"), e, path))) {
            add(out, "contains", path, "At least one of the items must match");
        }
    }

    private void strings(Map<String, Object> s, String str, String path, List<SchemaError> out) {
        int length = str.codePointCount(0, str.length());
        if (s.get("minLength") instanceof BigDecimal min && length < min.intValue()) {
            add(
                    out,
                    "string_gte",
                    path,
                    "String length must be greater than or equal to " + PlainJson.formatNumber(min));
        }
        if (s.get("maxLength") instanceof BigDecimal max && length > max.intValue()) {
            add(out, "string_lte", path, "String length must be less than or equal to " + PlainJson.formatNumber(max));
        }
        if (s.get("pattern") instanceof String p) {
            try {
                if (!Pattern.compile(p).matcher(str).find()) {
                    add(out, "pattern", path, "Does not match pattern '" + p + "'");
                }
            } catch (PatternSyntaxException e) {
                add(out, "pattern", path, "Does not match pattern '" + p + "'");
            }
        }
    }

    static boolean same(Object a, Object b) {
        return PlainJson.write(a).equals(PlainJson.write(b));
    }

    private static String joinJson(List<?> values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(PlainJson.write(v)));
        return String.join(", ", parts);
    }

    static String fieldName(String path) {
        return path.equals("(root)") ? path : path.substring("(root).".length());
    }
}
