package io.dsx.policy.builtins.jsonschema;

import io.dsx.policy.builtins.plain.BuiltinFailure;
import java.util.List;
import java.util.Map;

/** Local {@code $ref} resolution by JSON Pointer (RFC 6901) within the root schema. */
final class SchemaRefs {

    private SchemaRefs() {}

    static Object resolve(Object root, String ref) {
        if (!ref.startsWith("#")) {
            throw new BuiltinFailure("remote references are not supported: " + ref);
        }
        Object node = root;
        String pointer = ref.substring(1);
        if (pointer.isEmpty()) {
            return root;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof Map<?, ?> m && m.containsKey(token)) {
                node = m.get(token);
            } else if (node instanceof List<?> l && token.matches("\\d+") && Integer.parseInt(token) < l.size()) {
                node = l.get(Integer.parseInt(token));
            } else {
                throw new BuiltinFailure("Object has no key '" + token + "'");
            }
        }
        return node;
    }
}
