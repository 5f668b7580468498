package io.dsx.policy.ast;

import java.util.List;

/**
 * A parsed module.
 *
 * @param file source name used in error locations
 * @param pkg package path without {@code data} ({@code ["a", "b"]})
 * @param imports import refs with their alias
 * @param rules rules in source order
 * @param annotations METADATA blocks, each with the location of the package or rule it precedes
 */
public record Module(
        String file, List<String> pkg, List<Import> imports, List<Rule> rules, Loc loc, List<Annotation> annotations) {

    /**
     * One METADATA block in OPA's JSON form (with {@code scope} filled in).
     *
     * @param scope rule, document, package or subpackages
     * @param value the annotations object
     * @param target location of the package or rule the block precedes
     * @param onPackage whether the block precedes the package statement
     */
    public record Annotation(String scope, io.dsx.policy.value.ObjectValue value, Loc target, boolean onPackage) {}

    /** {@code import data.x.y as z}: alias (last segment by default) for ref. */
    public record Import(Term.Ref ref, String alias, Loc loc) {}
}
