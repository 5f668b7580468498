package io.dsx.policy.compile;

import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotation set of all modules, by scope (as OPA's {@code ast.AnnotationSet}): rule scope
 * by rule, document scope by rule path, package and subpackages scope by package path. Feeds
 * the compile-time rewrite of {@code rego.metadata.rule()} and {@code rego.metadata.chain()}
 * into constants, as OPA's compiler does.
 */
final class Annotations {
    private final Map<Loc, ObjectValue> rules = new HashMap<>();
    private final Map<List<String>, ObjectValue> documents = new HashMap<>();
    private final Map<List<String>, ObjectValue> packages = new HashMap<>();
    private final Map<List<String>, ObjectValue> subpackages = new HashMap<>();

    static Annotations of(List<Module> modules) {
        Annotations a = new Annotations();
        for (Module m : modules) {
            Map<Loc, Rule> byLoc = new HashMap<>();
            m.rules().forEach(r -> byLoc.put(r.loc(), r));
            for (Module.Annotation an : m.annotations()) {
                switch (an.scope()) {
                    case "rule" -> a.rules.put(an.target(), an.value());
                    case "document" -> a.once(a.documents, path(m.pkg(), byLoc.get(an.target())), an);
                    case "package" -> a.once(a.packages, m.pkg(), an);
                    default -> a.once(a.subpackages, m.pkg(), an);
                }
            }
        }
        return a;
    }

    private void once(Map<List<String>, ObjectValue> into, List<String> path, Module.Annotation an) {
        if (into.putIfAbsent(path, an.value()) != null) {
            throw new RegoException(
                    RegoException.Code.TYPE,
                    an.scope() + " annotation redeclared: " + String.join(".", path),
                    an.target());
        }
    }

    /** The rule's package path plus its ground name segments, without {@code data}. */
    static List<String> path(List<String> pkg, Rule r) {
        List<String> out = new ArrayList<>(pkg);
        out.add(((Term.Var) r.ref().head()).name());
        for (Term t : r.ref().path()) {
            if (!(t instanceof Term.Scalar s && s.value() instanceof StringValue sv)) {
                break;
            }
            out.add(sv.value());
        }
        return out;
    }

    /** {@code rego.metadata.rule()}: the rule-scope annotations of r, or {@code {}}. */
    ObjectValue rule(Rule r) {
        return rules.getOrDefault(r.loc(), ObjectValue.EMPTY);
    }

    /** {@code rego.metadata.chain()}: r's annotations, then outward along its package path. */
    ArrayValue chain(List<String> pkg, Rule r) {
        List<Value> out = new ArrayList<>();
        List<String> path = path(pkg, r);
        ObjectValue own = rules.get(r.loc());
        ObjectValue doc = documents.get(path);
        if (own != null) {
            out.add(link(path, own));
        }
        if (doc != null) {
            out.add(link(path, doc));
        }
        if (own == null && doc == null) {
            out.add(link(path, null));
        }
        for (int n = pkg.size(); n >= 0; n--) {
            List<String> prefix = pkg.subList(0, n);
            if (n == pkg.size() && packages.containsKey(prefix)) {
                out.add(link(prefix, packages.get(prefix)));
            }
            if (subpackages.containsKey(prefix)) {
                out.add(link(prefix, subpackages.get(prefix)));
            }
        }
        return ArrayValue.of(out);
    }

    private static Value link(List<String> path, ObjectValue annotations) {
        List<Value> p = new ArrayList<>();
        path.forEach(s -> p.add(StringValue.of(s)));
        ObjectValue.Builder b = ObjectValue.builder().put("path", ArrayValue.of(p));
        if (annotations != null) {
            b.put("annotations", annotations);
        }
        return b.build();
    }
}
