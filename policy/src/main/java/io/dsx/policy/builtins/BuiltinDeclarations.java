package io.dsx.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every builtin declared by OPA's capabilities ({@code capabilities.json}, OPA v1.19.1, plus the
 * few internal ones dsx needs). Declarations are what the compiler checks calls against; they
 * are independent of whether an implementation is registered.
 */
public final class BuiltinDeclarations {
    private static final BuiltinDeclarations DEFAULT = load();

    private final Map<String, BuiltinDeclaration> byName;

    private BuiltinDeclarations(Map<String, BuiltinDeclaration> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The declarations shipped with dsx. */
    public static BuiltinDeclarations standard() {
        return DEFAULT;
    }

    /** The declaration of name, or null. */
    public BuiltinDeclaration get(String name) {
        return byName.get(name);
    }

    public Map<String, BuiltinDeclaration> all() {
        return byName;
    }

    private static BuiltinDeclarations load() {
        try (InputStream in = BuiltinDeclarations.class.getResourceAsStream("capabilities.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, BuiltinDeclaration> m = new LinkedHashMap<>();
            for (JsonNode b : root.get("builtins")) {
                JsonNode decl = b.get("decl");
                String name = b.get("name").asText();
                int arity = decl.has("args") ? decl.get("args").size() : 0;
                boolean result = decl.has("result");
                m.put(
                        name,
                        new BuiltinDeclaration(
                                name,
                                arity,
                                result,
                                b.path("relation").asBoolean(false),
                                b.path("nondeterministic").asBoolean(false),
                                b.has("infix") ? b.get("infix").asText() : null,
                                decl.has("variadic")));
            }
            extra(m, "internal.template_string", 1);
            extra(m, "internal.print", 1);
            // registered by OPA's (and dsx's) conformance harness only; no production implementation
            extra(m, "test.sleep", 1);
            return new BuiltinDeclarations(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read builtin capabilities", e);
        }
    }

    private static void extra(Map<String, BuiltinDeclaration> m, String name, int arity) {
        m.putIfAbsent(
                name,
                new BuiltinDeclaration(
                        name,
                        arity,
                        name.equals("internal.template_string"),
                        false,
                        false,
                        null,
                        name.equals("internal.print")));
    }
}
