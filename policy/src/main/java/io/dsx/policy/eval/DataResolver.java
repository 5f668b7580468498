package io.dsx.policy.eval;

import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.compile.RuleNode;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves refs into {@code data}: walks the rule tree and the base documents side by side,
 * evaluates rules (complete, partial set, partial object, ref heads, else chains, defaults) and
 * functions, caches rule values per query and applies {@code with data...} overrides.
 */
final class DataResolver {
    private static final Value UNDEFINED = StringValue.of("\u0000undefined");

    /** A {@code with data.<path> as value} override. */
    record Override(List<Value> path, Value value) {}

    /** Saved cache and overrides, restored when a {@code with} ends. */
    record State(HashMap<RuleNode, Value> cache, List<Override> overrides, HashMap<FnKey, Value> fnCache) {}

    /** A function call: name and operands (functions are pure within a query, as in OPA). */
    static final class FnKey {
        private final String name;
        private final Value[] args;
        private final int hash;

        /** args is not copied: operand arrays are not changed after the call. */
        FnKey(String name, Value[] args) {
            this.name = name;
            this.args = args;
            this.hash = name.hashCode() * 31 + java.util.Arrays.hashCode(args);
        }

        @java.lang.Override
        public boolean equals(Object o) {
            return o instanceof FnKey k
                    && k.hash == hash
                    && k.name.equals(name)
                    && java.util.Arrays.equals(k.args, args);
        }

        @java.lang.Override
        public int hashCode() {
            return hash;
        }
    }

    private final Evaluator ev;
    private HashMap<RuleNode, Value> cache = new HashMap<>();
    private HashMap<FnKey, Value> fnCache = new HashMap<>();
    private List<Override> overrides = List.of();
    private final Set<RuleNode> inProgress = new HashSet<>();
    /** Objects partial rules assigned whole: merging another rule's output into one conflicts. */
    private Set<Value> ruleLeaves;

    DataResolver(Evaluator ev) {
        this.ev = ev;
    }

    State save() {
        return new State(cache, overrides, fnCache);
    }

    void restore(State s) {
        cache = s.cache();
        overrides = s.overrides();
        fnCache = s.fnCache();
    }

    /** Enters a with scope: a fresh cache, plus the given overrides. */
    void enter(List<Override> more) {
        cache = new HashMap<>();
        fnCache = new HashMap<>();
        if (!more.isEmpty()) {
            List<Override> all = new ArrayList<>(overrides);
            all.addAll(more);
            overrides = all;
        }
    }

    boolean ref(Term.Ref r, Frame f, VCont k) {
        return resolve(ev.policy.root(), ev.policy.data(), new ArrayList<>(), r.path(), 0, f, k);
    }

    private boolean resolve(RuleNode node, Value base, List<Value> at, List<Term> path, int i, Frame f, VCont k) {
        int mark = at.size();
        try {
            return resolveFrom(node, base, at, path, i, f, k);
        } finally {
            while (at.size() > mark) {
                at.remove(at.size() - 1);
            }
        }
    }

    /** Where a ref's constant prefix lands in the rule tree (valid without overrides). */
    private record Landing(RuleNode node, Value base, int i, List<Value> at) {}

    boolean refCached(Term.Ref r, Frame f, VCont k) {
        if (!overrides.isEmpty()) {
            return ref(r, f, k);
        }
        Object key = new IdentityKey(r);
        Object o = ev.policy.evalCache().get(key);
        if (o == null) {
            RuleNode node = ev.policy.root();
            Value base = ev.policy.data();
            List<Term> path = r.path();
            List<Value> at = new ArrayList<>();
            int i = 0;
            while (node != null
                    && !node.hasRules()
                    && i < path.size()
                    && path.get(i) instanceof Term.Scalar s
                    && s.value() instanceof StringValue sk) {
                RuleNode child = node.child(sk.value());
                Value childBase = Evaluator.index(base, sk);
                if (child == null && childBase == null) {
                    node = null;
                    base = null;
                    i = -1;
                    break;
                }
                at.add(sk);
                node = child;
                base = childBase;
                i++;
            }
            o = new Landing(node, base, i, List.copyOf(at));
            ev.policy.evalCache().putIfAbsent(key, o);
        }
        Landing l = (Landing) o;
        if (l.i() < 0) {
            return true;
        }
        boolean leaf =
                l.node() != null && l.node().hasRules() && l.node().children().isEmpty();
        return resolve(l.node(), l.base(), leaf ? l.at() : new ArrayList<>(l.at()), r.path(), l.i(), f, k);
    }

    private boolean resolveFrom(RuleNode node, Value base, List<Value> at, List<Term> path, int i, Frame f, VCont k) {
        // fast path: constant string keys through the rule tree, without overrides
        while (overrides.isEmpty()
                && node != null
                && !node.hasRules()
                && i < path.size()
                && path.get(i) instanceof Term.Scalar s
                && s.value() instanceof StringValue key) {
            RuleNode child = node.child(key.value());
            Value childBase = Evaluator.index(base, key);
            if (child == null && childBase == null) {
                return true;
            }
            at.add(key);
            node = child;
            base = childBase;
            i++;
        }
        if (!overrides.isEmpty()) {
            Value o = exactOverride(at);
            if (o != null) {
                return ev.path(o, path, i, f, k);
            }
        }
        if (node == null || node.hasRules() || i == path.size()) {
            Value v = fullValue(node, base, at);
            if (node == null) {
                // constant keys into base data, as OPA's storage paths read them (dataKey)
                while (v instanceof io.dsx.policy.value.ObjectValue
                        && i < path.size()
                        && path.get(i) instanceof Term.Scalar s
                        && s.value() instanceof io.dsx.policy.value.NumberValue) {
                    v = Evaluator.index(v, dataKey(s.value(), v));
                    i++;
                }
            }
            return v == null || ev.path(v, path, i, f, k);
        }
        Term p = path.get(i);
        if (ev.isPattern(p, f)) {
            Value v = fullValue(node, base, at);
            return v == null || ev.path(v, path, i, f, k);
        }
        RuleNode fromNode = node;
        Value fromBase = base;
        int next = i + 1;
        return ev.term(p, f, k0 -> {
            Value key = dataKey(k0, fromBase);
            RuleNode child = key instanceof StringValue s ? fromNode.child(s.value()) : null;
            Value childBase = Evaluator.index(fromBase, key);
            if (child == null && childBase == null && !overrideBelow(at, key)) {
                return true;
            }
            at.add(key);
            try {
                return resolve(child, childBase, at, path, next, f, k);
            } finally {
                at.remove(at.size() - 1);
            }
        });
    }

    /**
     * The key a ref into data uses at one step: objects of base documents (JSON) and packages have
     * string keys only, so a number reads its decimal string (data[2] reads data["2"], as OPA's storage
     * paths do); an array is still indexed by the number.
     */
    private static Value dataKey(Value key, Value container) {
        return key instanceof io.dsx.policy.value.NumberValue && !(container instanceof io.dsx.policy.value.ArrayValue)
                ? StringValue.of(key.toString())
                : key;
    }

    private Value exactOverride(List<Value> at) {
        Value found = null;
        for (Override o : overrides) {
            if (o.path().equals(at)) {
                found = o.value();
            }
        }
        return found;
    }

    private boolean overrideBelow(List<Value> at, Value key) {
        for (Override o : overrides) {
            if (o.path().size() > at.size()
                    && o.path().subList(0, at.size()).equals(at)
                    && o.path().get(at.size()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private Value applyOverrides(Value v, List<Value> at) {
        for (Override o : overrides) {
            if (o.path().size() > at.size() && o.path().subList(0, at.size()).equals(at)) {
                v = Docs.set(v, o.path(), at.size(), o.value());
            } else if (o.path().equals(at)) {
                v = o.value();
            }
        }
        return v;
    }

    /** The whole document at a node (rules, children and base data merged), or null if undefined. */
    private Value fullValue(RuleNode node, Value base, List<Value> at) {
        if (node == null) {
            return overrides.isEmpty() ? base : applyOverrides(base, at);
        }
        Value cached = cache.get(node);
        if (cached != null) {
            return cached == UNDEFINED ? null : cached;
        }
        if (!inProgress.add(node)) {
            throw new RegoException(
                    RegoException.Code.RECURSION,
                    "rule data." + pathText(at) + " is recursive",
                    node.rules().isEmpty() ? null : node.rules().get(0).loc());
        }
        Value v;
        try {
            v = node.hasRules() ? evaluateRules(node) : null;
            if (!node.children().isEmpty() || (v == null && !node.hasRules())) {
                v = merge(node, base, v, at);
            }
            if (!overrides.isEmpty() && v != null) {
                v = applyOverrides(v, at);
            }
        } finally {
            inProgress.remove(node);
        }
        cache.put(node, v == null ? UNDEFINED : v);
        return v;
    }

    /** Rule output, then child documents (merged deeply), then base documents (which win). */
    private Value merge(RuleNode node, Value base, Value ruleValue, List<Value> at) {
        if (base != null && !(base instanceof ObjectValue) && node.children().isEmpty()) {
            return base;
        }
        ObjectValue.Builder b = ObjectValue.builder();
        if (ruleValue instanceof ObjectValue ro) {
            ro.entries().forEach(b::put);
        }
        Loc loc = node.rules().isEmpty() ? null : node.rules().get(0).loc();
        for (RuleNode child : node.children().values()) {
            StringValue key = StringValue.of(child.name());
            at.add(key);
            try {
                Value cv = fullValue(child, Evaluator.index(base, key), at);
                if (cv != null) {
                    Value prev = b.get(key);
                    b.put(key, prev == null ? cv : Docs.mergeDeep(prev, cv, loc, this::isRuleLeaf));
                }
            } finally {
                at.remove(at.size() - 1);
            }
        }
        if (base instanceof ObjectValue bo) {
            bo.entries().forEach((k, v) -> {
                Value prev = b.get(k);
                b.put(k, prev instanceof ObjectValue && v instanceof ObjectValue ? Docs.mergeDeep(prev, v, loc) : v);
            });
        }
        return b.build();
    }

    private boolean isRuleLeaf(Value v) {
        return ruleLeaves != null && ruleLeaves.contains(v);
    }

    private static String pathText(List<Value> at) {
        StringBuilder sb = new StringBuilder();
        for (Value v : at) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(v instanceof StringValue s ? s.value() : v.toString());
        }
        return sb.toString();
    }

    // ---- rules ------------------------------------------------------------------------------

    private Value evaluateRules(RuleNode node) {
        List<Rule> rules = node.rules();
        boolean complete = true;
        boolean multi = false;
        for (Rule r : rules) {
            int rem = r.ref().path().size() - node.depth();
            if (r.kind() == Rule.Kind.MULTI) {
                multi = true;
                complete = false;
            } else if (rem > 0) {
                complete = false;
            }
        }
        if (complete) {
            return complete(node);
        }
        Docs.Builder doc = new Docs.Builder();
        for (Rule r : rules) {
            partial(r, node.depth(), doc);
        }
        boolean setAtNode = multi;
        for (int j = 0; j < rules.size() && setAtNode; j++) {
            setAtNode = rules.get(j).ref().path().size() == node.depth();
        }
        return doc.build(setAtNode);
    }

    private Value complete(RuleNode node) {
        Value result = null;
        for (Rule r : node.rules()) {
            if (result != null && ev.coverage == null && constantOutput(r, result)) {
                continue; // early exit (as OPA's): this rule can only give the value already found
            }
            Value v = chain(r, null, "complete rules must not produce multiple outputs");
            if (v != null) {
                if (result != null && !result.equals(v)) {
                    throw new RegoException(
                            RegoException.Code.EVAL_CONFLICT,
                            "complete rules must not produce multiple outputs",
                            r.loc());
                }
                result = v;
            }
        }
        if (result == null && node.defaultRule() != null) {
            result = ev.first(node.defaultRule().value(), new Frame());
        }
        return result;
    }

    /** Evaluates a rule and its else chain; args non-null for functions. */
    private Value chain(Rule rule, Value[] args, String conflict) {
        for (Rule r = rule; r != null; r = r.elseRule()) {
            Frame f = new Frame();
            Value[] out = {null};
            Rule cur = r;
            Cont onBody = () -> ev.term(cur.value(), f, v -> {
                if (ev.coverage != null) {
                    ev.coverage.hit(cur.loc());
                }
                if (out[0] != null && !out[0].equals(v)) {
                    throw new RegoException(RegoException.Code.EVAL_CONFLICT, conflict, cur.loc());
                }
                out[0] = v;
                // a constant value cannot conflict with itself: stop at the first solution
                return ev.coverage != null || !(cur.value() instanceof Term.Scalar);
            });
            if (args == null) {
                ev.body(r.body(), 0, f, onBody);
            } else {
                unifyArgs(r.args(), args, 0, f, () -> ev.body(cur.body(), 0, f, onBody));
            }
            if (out[0] != null) {
                return out[0];
            }
        }
        return null;
    }

    /** True when r (without an else chain) has the constant value v: evaluating it cannot change the result. */
    private static boolean constantOutput(Rule r, Value v) {
        return r.elseRule() == null
                && r.value() instanceof Term.Scalar s
                && s.value().equals(v);
    }

    private boolean unifyArgs(List<Term> params, Value[] args, int i, Frame f, Cont k) {
        if (i == params.size()) {
            return k.go();
        }
        return ev.unifyValue(params.get(i), args[i], f, () -> unifyArgs(params, args, i + 1, f, k));
    }

    private void partial(Rule r, int depth, Docs.Builder doc) {
        List<Term> rem = r.ref().path().subList(depth, r.ref().path().size());
        boolean multi = r.kind() == Rule.Kind.MULTI;
        Frame f = new Frame();
        ev.body(
                r.body(),
                0,
                f,
                () -> keys(rem, 0, new ArrayList<>(), f, keys -> {
                    Term out = multi ? r.key() : r.value();
                    return ev.term(out, f, v -> {
                        if (ev.coverage != null) {
                            ev.coverage.hit(r.loc());
                        }
                        if (!multi && !keys.isEmpty() && v instanceof ObjectValue) {
                            if (ruleLeaves == null) {
                                ruleLeaves = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                            }
                            ruleLeaves.add(v);
                        }
                        doc.add(keys, v, multi, r.loc());
                        return true;
                    });
                }));
    }

    @FunctionalInterface
    interface KeysCont {
        boolean go(List<Value> keys);
    }

    private boolean keys(List<Term> rem, int i, List<Value> acc, Frame f, KeysCont k) {
        if (i == rem.size()) {
            return k.go(acc.isEmpty() ? List.of() : new ArrayList<>(acc));
        }
        return ev.term(rem.get(i), f, v -> {
            acc.add(v);
            try {
                return keys(rem, i + 1, acc, f, k);
            } finally {
                acc.remove(acc.size() - 1);
            }
        });
    }

    // ---- functions --------------------------------------------------------------------------

    Value function(String name, Value[] args, Loc site) {
        FnKey key = ev.fnOverrides.isEmpty() ? new FnKey(name, args) : null;
        if (key != null) {
            Value hit = fnCache.get(key);
            if (hit != null) {
                return hit == UNDEFINED ? null : hit;
            }
        }
        Value v = callFunction(name, args, site);
        if (key != null) {
            fnCache.put(key, v == null ? UNDEFINED : v);
        }
        return v;
    }

    private Value callFunction(String name, Value[] args, Loc site) {
        if (++ev.depth > 2000) {
            throw new RegoException(RegoException.Code.EVAL_LIMIT, "function call depth exceeded", site);
        }
        try {
            Value result = null;
            List<Rule> rules = ev.policy.function(name);
            if (rules != null) {
                for (Rule r : rules) {
                    Value v = chain(r, args, "functions must not produce multiple outputs for same inputs");
                    if (v != null) {
                        if (result != null && !result.equals(v)) {
                            throw new RegoException(
                                    RegoException.Code.EVAL_CONFLICT,
                                    "functions must not produce multiple outputs for same inputs",
                                    r.loc());
                        }
                        result = v;
                    }
                }
            }
            Rule def = ev.policy.defaultFunction(name);
            if (result == null && def != null) {
                result = ev.first(def.value(), new Frame());
            }
            return result;
        } finally {
            ev.depth--;
        }
    }
}
