package io.dsx.policy.compile;

import io.dsx.policy.ast.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the rule tree: one ground path below {@code data}. Rules attach at the node where
 * their head's ground (string) prefix ends; the rest of the head (variable keys) is the rule's
 * remainder. Frozen after compilation.
 */
public final class RuleNode {
    private final String name;
    private final int depth;
    private final Map<String, RuleNode> children = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private Rule defaultRule;
    private boolean frozen;

    RuleNode(String name, int depth) {
        this.name = name;
        this.depth = depth;
    }

    public String name() {
        return name;
    }

    /** Number of path segments below {@code data}. */
    public int depth() {
        return depth;
    }

    public RuleNode child(String key) {
        return children.get(key);
    }

    public Map<String, RuleNode> children() {
        return frozen ? children : Collections.unmodifiableMap(children);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Rule defaultRule() {
        return defaultRule;
    }

    public boolean hasRules() {
        return !rules.isEmpty() || defaultRule != null;
    }

    RuleNode childOrCreate(String key) {
        return children.computeIfAbsent(key, k -> new RuleNode(k, depth + 1));
    }

    void add(Rule r) {
        rules.add(r);
    }

    void setDefault(Rule r) {
        defaultRule = r;
    }

    void freeze() {
        frozen = true;
        children.values().forEach(RuleNode::freeze);
    }
}
