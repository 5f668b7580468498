package io.dsx.policy.parse;

import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Module;
import io.dsx.policy.builtins.encoding.GoYaml;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * METADATA comment blocks as OPA reads them: a run of comment lines starting in column 1 whose
 * first line is {@code # METADATA}; the rest is YAML. A block annotates the package or rule that
 * follows it. Authors and related resources are normalised to objects as OPA does
 * ({@code "Jane <j@x.org>"} becomes {@code {"name": "Jane", "email": "j@x.org"}}).
 */
final class MetadataBlocks {
    private static final Set<String> SCOPES = Set.of("rule", "document", "package", "subpackages");
    private static final Set<String> KEYS = Set.of(
            "scope",
            "title",
            "description",
            "related_resources",
            "authors",
            "organizations",
            "schemas",
            "entrypoint",
            "custom",
            "labels",
            "compile");
    private static final Pattern AUTHOR = Pattern.compile("^(.*?)\\s*<([^<>]*)>\\s*$");

    private MetadataBlocks() {}

    /** A statement a block can annotate. */
    record Target(Loc loc, boolean onPackage) {}

    /** The module's annotations; targets are the package and rules in source order. */
    static List<Module.Annotation> read(List<Lexer.Comment> comments, List<Target> targets, String file) {
        List<Module.Annotation> out = new ArrayList<>();
        int k = 0;
        while (k < comments.size()) {
            Lexer.Comment c = comments.get(k);
            if (c.col() != 1 || !c.text().strip().equals("# METADATA")) {
                k++;
                continue;
            }
            StringBuilder yaml = new StringBuilder();
            int last = c.row();
            k++;
            while (k < comments.size()
                    && comments.get(k).row() == last + 1
                    && comments.get(k).col() == 1) {
                yaml.append(comments.get(k).text().substring(1)).append('\n');
                last = comments.get(k).row();
                k++;
            }
            Loc at = new Loc(file, c.row(), 1);
            Target target = null;
            for (Target t : targets) {
                if (t.loc().row() > last) {
                    target = t;
                    break;
                }
            }
            if (target == null) {
                throw new RegoException(
                        RegoException.Code.PARSE, "metadata block not followed by a package or rule", at);
            }
            out.add(annotation(yaml.toString(), target, at));
        }
        return out;
    }

    private static Module.Annotation annotation(String yaml, Target target, Loc at) {
        Value v;
        try {
            v = yaml.isBlank() ? ObjectValue.EMPTY : GoYaml.unmarshal(yaml);
        } catch (IllegalArgumentException e) {
            throw new RegoException(RegoException.Code.PARSE, "invalid metadata: " + e.getMessage(), at);
        }
        if (!(v instanceof ObjectValue o)) {
            throw new RegoException(RegoException.Code.PARSE, "invalid metadata: expected a YAML mapping", at);
        }
        ObjectValue.Builder b = ObjectValue.builder();
        for (var e : o.entries().entrySet()) {
            String key =
                    e.getKey() instanceof StringValue s ? s.value() : e.getKey().toString();
            if (!KEYS.contains(key)) {
                throw new RegoException(RegoException.Code.PARSE, "invalid metadata: unknown key " + key, at);
            }
            Value val = switch (key) {
                case "authors" -> list(e.getValue(), MetadataBlocks::author, at);
                case "related_resources" -> list(e.getValue(), MetadataBlocks::resource, at);
                default -> e.getValue();
            };
            if (!(val instanceof io.dsx.policy.value.NullValue)) {
                b.put(key, val);
            }
        }
        ObjectValue built = b.build();
        String scope = built.get("scope") instanceof StringValue s ? s.value() : null;
        if (scope == null) {
            boolean entrypoint = built.get("entrypoint") == BoolValue.TRUE;
            scope = target.onPackage() ? "package" : entrypoint ? "document" : "rule";
            built = built.with(StringValue.of("scope"), StringValue.of(scope));
        }
        if (!SCOPES.contains(scope)) {
            throw new RegoException(RegoException.Code.PARSE, "invalid annotation scope '" + scope + "'", at);
        }
        if (target.onPackage() != (scope.equals("package") || scope.equals("subpackages"))) {
            throw new RegoException(
                    RegoException.Code.PARSE,
                    "annotation scope '" + scope + "' must be applied to "
                            + (target.onPackage() ? "rule (have package)" : "package (have rule)"),
                    at);
        }
        return new Module.Annotation(scope, built, target.loc(), target.onPackage());
    }

    private interface Normaliser {
        Value apply(Value v);
    }

    private static Value list(Value v, Normaliser each, Loc at) {
        if (!(v instanceof ArrayValue a)) {
            throw new RegoException(RegoException.Code.PARSE, "invalid metadata: expected a list", at);
        }
        List<Value> out = new ArrayList<>();
        for (Value e : a.elements()) {
            Value n = each.apply(e);
            if (n == null) {
                throw new RegoException(RegoException.Code.PARSE, "invalid metadata: bad list entry " + e, at);
            }
            out.add(n);
        }
        return ArrayValue.of(out);
    }

    /** {@code "Name <email>"}, {@code "email@x"}, {@code "Name"} or an object with name/email. */
    private static Value author(Value v) {
        if (v instanceof ObjectValue o) {
            return o.get("name") == null && o.get("email") == null ? null : o;
        }
        if (!(v instanceof StringValue s) || s.value().isBlank()) {
            return null;
        }
        String text = s.value().strip();
        Matcher m = AUTHOR.matcher(text);
        ObjectValue.Builder b = ObjectValue.builder();
        if (m.matches()) {
            if (!m.group(1).isEmpty()) {
                b.put("name", StringValue.of(m.group(1)));
            }
            b.put("email", StringValue.of(m.group(2)));
        } else if (!text.contains(" ") && text.contains("@")) {
            b.put("email", StringValue.of(text));
        } else {
            b.put("name", StringValue.of(text));
        }
        return b.build();
    }

    /** A URL string or an object with ref (and description). */
    private static Value resource(Value v) {
        if (v instanceof ObjectValue o) {
            return o.get("ref") == null ? null : o;
        }
        if (v instanceof StringValue s && !s.value().isBlank()) {
            return ObjectValue.builder().put("ref", s).build();
        }
        return null;
    }
}
