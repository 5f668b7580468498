package io.dsx.policy.ast;

import java.util.List;

/**
 * A parsed module.
 *
 * @param file source name used in error locations
 * @param pkg package path without {@code data} ({@code ["a", "b"]})
 * @param imports import refs with their alias
 * @param rules rules in source order
 */
public record Module(String file, List<String> pkg, List<Import> imports, List<Rule> rules, Loc loc) {

    /** {@code import data.x.y as z}: alias (last segment by default) for ref. */
    public record Import(Term.Ref ref, String alias, Loc loc) {
    }
}
