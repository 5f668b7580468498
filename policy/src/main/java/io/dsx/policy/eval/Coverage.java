package io.dsx.policy.eval;

import io.dsx.policy.ast.Loc;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source lines evaluation reached, per file, for {@code dsx policy test --coverage}: a line is
 * covered when an expression on it was evaluated or a rule whose head is on it produced a value
 * (as {@code opa test --coverage} counts). Thread-safe; off (null in {@link EvalOptions}) costs
 * nothing but a null check.
 */
public final class Coverage {
    private final Map<String, Set<Integer>> hits = new ConcurrentHashMap<>();

    void hit(Loc loc) {
        if (loc != null && loc.row() > 0) {
            hits.computeIfAbsent(loc.file(), f -> ConcurrentHashMap.newKeySet()).add(loc.row());
        }
    }

    /** The covered lines of file, ascending. */
    public SortedSet<Integer> covered(String file) {
        return new TreeSet<>(hits.getOrDefault(file, Set.of()));
    }
}
