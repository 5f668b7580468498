package io.dsx.policy.eval;

import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Term;
import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinContext;
import io.dsx.policy.builtins.BuiltinDeclaration;
import io.dsx.policy.builtins.BuiltinDeclarations;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinFunction;
import io.dsx.policy.builtins.BuiltinRegistry;
import io.dsx.policy.compile.CompiledPolicy;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions and terms of one query. Design note: evaluation is continuation-passing;
 * {@link #unify} binds variables in a {@link Frame} and undoes the bindings when its continuation
 * returns, which is all the backtracking there is. Rule documents are resolved by
 * {@link DataResolver}. This is the hot-path engine and is kept in one class on purpose.
 */
final class Evaluator {
    final CompiledPolicy policy;
    final BuiltinRegistry registry;
    final BuiltinContext bctx;
    final EvalOptions options;
    final DataResolver data;
    private final long deadline;
    private final long maxSteps;
    private long steps;
    Value input;
    /** function/builtin name to replacement (a {@code Term.Call} with no args naming a function, or a value term). */
    Map<String, Object> fnOverrides = Map.of();

    RegoException firstBuiltinError;
    int depth;
    /** Lines reached, for test coverage; null when off. */
    final Coverage coverage;

    Evaluator(CompiledPolicy policy, BuiltinRegistry registry, EvalOptions options) {
        this.policy = policy;
        this.registry = registry;
        this.options = options;
        this.input = options.input();
        this.deadline = System.nanoTime() + options.timeout().toNanos();
        this.maxSteps = options.maxSteps();
        this.bctx = BuiltinContext.builder()
                .nowNs(options.nowNs())
                .random(options.random())
                .env(options.env())
                .strict(options.strictBuiltinErrors())
                .cancellation(this::checkDeadline)
                .build();
        this.data = new DataResolver(this);
        this.coverage = options.coverage();
    }

    void checkDeadline() {
        if (System.nanoTime() > deadline) {
            throw new RegoException(RegoException.Code.EVAL_CANCEL, "timed out (deadline exceeded)", null);
        }
    }

    /** Counts one step; e (null for a solution) gives the location only when the limit is hit. */
    private void step(Expr e) {
        if (++steps > maxSteps) {
            throw new RegoException(
                    RegoException.Code.EVAL_LIMIT,
                    "step limit exceeded (" + maxSteps + " expressions)",
                    e == null ? null : e.loc());
        }
        if ((steps & 255) == 0) {
            checkDeadline();
        }
    }

    void checkSize(int n, Loc loc) {
        if (n > options.maxCollectionSize()) {
            throw new RegoException(
                    RegoException.Code.EVAL_LIMIT,
                    "collection size limit exceeded (" + options.maxCollectionSize() + ")",
                    loc);
        }
    }

    // ---- bodies and expressions -----------------------------------------------------------

    boolean body(List<Expr> body, int i, Frame f, Cont k) {
        if (i == body.size()) {
            step(null); // every solution counts, so iteration is bounded too
            return k.go();
        }
        return expr(body.get(i), f, () -> body(body, i + 1, f, k));
    }

    boolean expr(Expr e, Frame f, Cont k) {
        step(e);
        if (coverage != null) {
            coverage.hit(e.loc());
        }
        if (e instanceof Expr.TermExpr t) {
            if (t.term() instanceof Term.Call c) {
                return callExpr(c, f, k);
            }
            Value d = direct(t.term(), f);
            if (d != NOT_DIRECT) {
                return d == null || d == BoolValue.FALSE || k.go();
            }
            return term(t.term(), f, v -> v == BoolValue.FALSE || k.go());
        }
        if (e instanceof Expr.Unify u) {
            return unify(u.lhs(), u.rhs(), f, k);
        }
        if (e instanceof Expr.Not n) {
            int m = f.mark();
            boolean[] found = {false};
            expr(n.expr(), f, () -> {
                found[0] = true;
                return false;
            });
            f.undo(m);
            return found[0] || k.go();
        }
        if (e instanceof Expr.Some) {
            return k.go();
        }
        if (e instanceof Expr.SomeIn s) {
            return term(
                    s.collection(),
                    f,
                    coll -> iterate(
                            coll,
                            (key, val) -> s.key() == null
                                    ? unifyValue(s.value(), val, f, k)
                                    : unifyValue(s.key(), key, f, () -> unifyValue(s.value(), val, f, k))));
        }
        if (e instanceof Expr.Every ev) {
            return term(ev.domain(), f, dom -> every(ev, dom, f) ? k.go() : true);
        }
        if (e instanceof Expr.With w) {
            return with(w, f, k);
        }
        // and/or are closed checks: each operand either has a solution or not; no bindings escape
        Expr.Logic l = (Expr.Logic) e;
        boolean lhs = holds(l.lhs(), f);
        boolean ok = l.and() ? lhs && holds(l.rhs(), f) : lhs || holds(l.rhs(), f);
        return !ok || k.go();
    }

    private boolean holds(Expr e, Frame f) {
        int m = f.mark();
        boolean[] found = {false};
        expr(e, f, () -> {
            found[0] = true;
            return false;
        });
        f.undo(m);
        return found[0];
    }

    private boolean every(Expr.Every ev, Value dom, Frame f) {
        if (!(dom instanceof ArrayValue || dom instanceof SetValue || dom instanceof ObjectValue)) {
            return false;
        }
        boolean[] ok = {true};
        iterate(dom, (key, val) -> {
            int m = f.mark();
            boolean[] found = {false};
            Cont inner = () -> body(ev.body(), 0, f, () -> {
                found[0] = true;
                return false;
            });
            if (ev.key() == null) {
                unifyValue(ev.value(), val, f, inner);
            } else {
                unifyValue(ev.key(), key, f, () -> unifyValue(ev.value(), val, f, inner));
            }
            f.undo(m);
            if (!found[0]) {
                ok[0] = false;
                return false;
            }
            return true;
        });
        return ok[0];
    }

    @FunctionalInterface
    interface KV {
        boolean go(Value key, Value val);
    }

    /** Calls kv for each (key, element) of a collection; false when stopped. */
    boolean iterate(Value coll, KV kv) {
        if (coll instanceof ArrayValue a) {
            for (int j = 0; j < a.size(); j++) {
                if (!kv.go(NumberValue.of(j), a.get(j))) {
                    return false;
                }
            }
        } else if (coll instanceof SetValue s) {
            for (Value v : s) {
                if (!kv.go(v, v)) {
                    return false;
                }
            }
        } else if (coll instanceof ObjectValue o) {
            for (var en : o.entries().entrySet()) {
                if (!kv.go(en.getKey(), en.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- with -------------------------------------------------------------------------------

    private boolean with(Expr.With w, Frame f, Cont k) {
        Value savedInput = input;
        Map<String, Object> savedFns = fnOverrides;
        DataResolver.State savedData = data.save();
        Value newInput = input;
        Map<String, Object> fns = new HashMap<>(fnOverrides);
        List<DataResolver.Override> overrides = new ArrayList<>();
        for (Expr.WithMod m : w.mods()) {
            Term target = m.target();
            if (target instanceof Term.Call c) {
                fns.put(c.operator(), functionReplacement(m.value(), f));
                continue;
            }
            Value v = first(m.value(), f);
            if (v == null) {
                return true;
            }
            Term.Ref r = (Term.Ref) target;
            List<Value> path = new ArrayList<>();
            for (Term p : r.path()) {
                path.add(first(p, f));
            }
            if (((Term.Var) r.head()).name().equals("input")) {
                newInput = Docs.set(newInput, path, 0, v);
            } else {
                overrides.add(new DataResolver.Override(path, v));
            }
        }
        Value in = newInput;
        Runnable enter = () -> {
            input = in;
            fnOverrides = fns;
            data.enter(overrides);
        };
        Runnable exit = () -> {
            input = savedInput;
            fnOverrides = savedFns;
            data.restore(savedData);
        };
        DataResolver.State[] inner = new DataResolver.State[1];
        enter.run();
        try {
            return expr(w.expr(), f, () -> {
                inner[0] = data.save();
                Value i2 = input;
                Map<String, Object> f2 = fnOverrides;
                exit.run();
                try {
                    return k.go();
                } finally {
                    input = i2;
                    fnOverrides = f2;
                    data.restore(inner[0]);
                }
            });
        } finally {
            exit.run();
        }
    }

    private Object functionReplacement(Term value, Frame f) {
        if (value instanceof Term.Ref r
                && r.head() instanceof Term.Var v
                && v.name().equals("data")) {
            String name = dotted(r);
            if (name != null && policy.isFunction(name)) {
                return new Term.Call(name, List.of(), value.loc());
            }
        }
        if (value instanceof Term.Var v
                && f.get(v.name()) == null
                && (registry.get(v.name()) != null
                        || BuiltinDeclarations.standard().get(v.name()) != null)) {
            return new Term.Call(v.name(), List.of(), value.loc());
        }
        if (value instanceof Term.Ref r
                && r.head() instanceof Term.Var v
                && f.get(v.name()) == null
                && !v.name().equals("data")
                && !v.name().equals("input")) {
            String name = dotted(r);
            if (name != null && BuiltinDeclarations.standard().get(name) != null) {
                return new Term.Call(name, List.of(), value.loc());
            }
        }
        return first(value, f);
    }

    static String dotted(Term.Ref r) {
        StringBuilder sb = new StringBuilder(((Term.Var) r.head()).name());
        for (Term p : r.path()) {
            if (!(p instanceof Term.Scalar s && s.value() instanceof StringValue sv)) {
                return null;
            }
            sb.append('.').append(sv.value());
        }
        return sb.toString();
    }

    /** The first value of t, or null when undefined. */
    Value first(Term t, Frame f) {
        Value[] out = {null};
        term(t, f, v -> {
            out[0] = v;
            return false;
        });
        return out[0];
    }

    // ---- calls ------------------------------------------------------------------------------

    private boolean callExpr(Term.Call c, Frame f, Cont k) {
        String name = c.operator();
        if ((name.equals("print") || name.equals("internal.print")) && !fnOverrides.containsKey(name)) {
            print(c, f);
            return k.go();
        }
        CallInfo ci = fnOverrides.isEmpty() ? info(name) : null;
        int n = ci != null ? ci.arity() : arityOf(name);
        List<Term> args = c.args();
        if (n >= 0 && args.size() == n + 1) {
            Term out = args.get(n);
            return args(
                    args, 0, n, new Value[n], false, f, vals -> call(name, ci, vals, c, v -> unifyValue(out, v, f, k)));
        }
        return args(
                args,
                0,
                args.size(),
                new Value[args.size()],
                false,
                f,
                vals -> call(name, ci, vals, c, v -> v == BoolValue.FALSE || k.go()));
    }

    /**
     * {@code print(a, b, ...)}: each operand's values (all of them when it enumerates; strings
     * bare, other values as JSON; {@code <undefined>} when it has none), space-separated, to the
     * evaluation's {@link PrintSink}. Like OPA's, print never fails the query.
     */
    private void print(Term.Call c, Frame f) {
        StringBuilder sb = new StringBuilder();
        for (Term a : c.args()) {
            List<String> vals = new ArrayList<>();
            term(a, f, v -> {
                vals.add(v instanceof StringValue s ? s.value() : io.dsx.policy.value.Json.write(v));
                return true;
            });
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(vals.isEmpty() ? "<undefined>" : String.join(" ", vals));
        }
        options.print().print(c.loc(), sb.toString());
    }

    /** What a call name refers to, derived from the policy alone and memoised per policy. */
    record CallInfo(int arity, boolean function, BuiltinFunction fn, BuiltinDeclaration decl, int special) {}

    private static final int NOT_SPECIAL = 0;
    private static final int WALK = 1;
    private static final int PRINT = 2;
    private static final int MEMBER_2 = 3;
    private static final int MEMBER_3 = 4;
    private static final int EQ = 5;
    private static final int RUNTIME = 6;

    /** Calls the evaluator handles itself, decided once per name. */
    static int special(String name) {
        return switch (name) {
            case "walk" -> WALK;
            case "print", "internal.print", "trace" -> PRINT;
            case "internal.member_2" -> MEMBER_2;
            case "internal.member_3" -> MEMBER_3;
            case "eq", "assign" -> EQ;
            case "opa.runtime" -> RUNTIME;
            default -> NOT_SPECIAL;
        };
    }

    CallInfo info(String name) {
        Object o = policy.evalCache().get(name);
        if (o == null) {
            o = new CallInfo(
                    policy.arity(name),
                    policy.isFunction(name),
                    registry.get(name),
                    BuiltinDeclarations.standard().get(name),
                    special(name));
            policy.evalCache().putIfAbsent(name, o);
        }
        return (CallInfo) o;
    }

    private int arityOf(String name) {
        if (fnOverrides.isEmpty()) {
            return info(name).arity();
        }
        Object o = fnOverrides.get(name);
        int n = policy.arity(name);
        if (n < 0 && o instanceof Term.Call c) {
            n = policy.arity(c.operator());
        }
        return n;
    }

    @FunctionalInterface
    interface ArgsCont {
        boolean go(Value[] vals);
    }

    /** Evaluates operands left to right; bare unbound variables wait until the others bound them. */
    private boolean args(List<Term> args, int i, int n, Value[] acc, Frame f, ArgsCont k) {
        return args(args, i, n, acc, false, f, k);
    }

    /**
     * shared: an earlier operand enumerated (so acc is refilled on backtracking and the
     * continuation gets a copy); otherwise acc is handed over as is.
     */
    private boolean args(List<Term> args, int i, int n, Value[] acc, boolean shared, Frame f, ArgsCont k) {
        if (i == n) {
            Value[] out = shared ? acc.clone() : acc;
            for (int j = 0; j < n; j++) {
                if (out[j] == null) {
                    Term.Var v = (Term.Var) args.get(j);
                    out[j] = f.get(v.name());
                    if (out[j] == null) {
                        throw new RegoException(
                                RegoException.Code.UNSAFE_VAR, "var " + v.name() + " is unsafe", v.loc());
                    }
                }
            }
            return k.go(out);
        }
        if (args.get(i) instanceof Term.Var v && f.get(v.name()) == null) {
            acc[i] = null;
            return args(args, i + 1, n, acc, shared, f, k);
        }
        Value d = direct(args.get(i), f);
        if (d != NOT_DIRECT) {
            if (d == null) {
                return true;
            }
            acc[i] = d;
            return args(args, i + 1, n, acc, shared, f, k);
        }
        return term(args.get(i), f, v -> {
            acc[i] = v;
            return args(args, i + 1, n, acc, true, f, k);
        });
    }

    /** Marker: the term needs the general (enumerating) evaluation. */
    static final Value NOT_DIRECT = StringValue.of("\u0000not-direct");

    /**
     * Evaluates a term that has at most one value without continuations: constants, bound
     * variables, and refs from input or a bound variable along constant or bound keys. Returns
     * null when undefined and {@link #NOT_DIRECT} for anything else.
     */
    Value direct(Term t, Frame f) {
        if (t instanceof Term.Scalar s) {
            return s.value();
        }
        if (t instanceof Term.Var v) {
            Value val = f.get(v.name());
            return val == null ? NOT_DIRECT : val;
        }
        if (t instanceof Term.Ref r && r.head() instanceof Term.Var hv) {
            String name = hv.name();
            Value cur;
            List<Term> path = r.path();
            int start = 0;
            if (name == "input") {
                cur = input;
                if (cur != null
                        && path.size() > 1
                        && path.get(0) instanceof Term.Scalar
                        && path.get(1) instanceof Term.Scalar) {
                    InputPrefix p = inputPrefix(r, path);
                    cur = p.value;
                    start = p.length;
                }
            } else if (name == "data") {
                return NOT_DIRECT;
            } else {
                cur = f.get(name);
                if (cur == null) {
                    return NOT_DIRECT;
                }
            }
            for (int j = start; j < path.size(); j++) {
                Term p = path.get(j);
                Value key;
                if (p instanceof Term.Scalar s) {
                    key = s.value();
                } else if (p instanceof Term.Var pv) {
                    key = f.get(pv.name());
                    if (key == null) {
                        return NOT_DIRECT;
                    }
                } else {
                    return NOT_DIRECT;
                }
                if (cur == null) {
                    continue;
                }
                cur = index(cur, key);
            }
            return cur;
        }
        return NOT_DIRECT;
    }

    /** A ref's leading constant keys into input resolved once: valid while input is the same value. */
    private static final class InputPrefix {
        Value input;
        Value value;
        int length;
    }

    private IdentityHashMap<Term.Ref, InputPrefix> inputPrefixes;

    /** input.k1.k2... along r's leading constant keys (at least two), memoised per evaluation. */
    private InputPrefix inputPrefix(Term.Ref r, List<Term> path) {
        if (inputPrefixes == null) {
            inputPrefixes = new IdentityHashMap<>();
        }
        InputPrefix p = inputPrefixes.get(r);
        if (p == null) {
            p = new InputPrefix();
            inputPrefixes.put(r, p);
        } else if (p.input == input) {
            return p;
        }
        Value cur = input;
        int j = 0;
        while (j < path.size() && path.get(j) instanceof Term.Scalar s) {
            if (cur != null) {
                cur = index(cur, s.value());
            }
            j++;
        }
        p.input = input;
        p.value = cur;
        p.length = j;
        return p;
    }

    /** Calls a builtin or function by name with evaluated operands. */
    boolean call(String name, Value[] vals, Term.Call site, VCont k) {
        return call(name, null, vals, site, k);
    }

    /** As {@link #call(String, Value[], Term.Call, VCont)}; ci is the name's info when known (no overrides). */
    private boolean call(String name, CallInfo ci, Value[] vals, Term.Call site, VCont k) {
        Object over = fnOverrides.isEmpty() ? null : fnOverrides.get(name);
        if (over != null) {
            if (over instanceof Value v) {
                return k.go(v);
            }
            String target = ((Term.Call) over).operator();
            if (!target.equals(name)) {
                // the replacement runs without this mock, so g(x) := f(x) with f as g terminates
                Map<String, Object> saved = fnOverrides;
                Map<String, Object> without = new HashMap<>(saved);
                without.remove(name);
                List<Value> results = new ArrayList<>();
                fnOverrides = without;
                try {
                    call(target, vals, site, v -> {
                        results.add(v);
                        return true;
                    });
                } finally {
                    fnOverrides = saved;
                }
                for (Value v : results) {
                    if (!k.go(v)) {
                        return false;
                    }
                }
                return true;
            }
        }
        if (ci == null) {
            ci = info(name);
        }
        if (ci.function()) {
            Value v = data.function(name, vals, site.loc());
            return v == null || k.go(v);
        }
        switch (ci.special()) {
            case WALK:
                return Special.walk(vals[0], k);
            case PRINT:
                return k.go(BoolValue.TRUE);
            case MEMBER_2:
                return k.go(BoolValue.of(Special.member(vals[0], vals[1])));
            case MEMBER_3:
                return k.go(BoolValue.of(Special.member3(vals[0], vals[1], vals[2])));
            case EQ:
                return k.go(BoolValue.of(vals[0].equals(vals[1])));
            case RUNTIME:
                return k.go(Special.runtime(bctx));
            default:
                break;
        }
        BuiltinFunction fn = ci.fn();
        BuiltinDeclaration decl = ci.decl();
        if (fn == null) {
            if (name.startsWith("data.")) {
                return true;
            }
            return builtinError(
                    new BuiltinException(BuiltinException.Kind.BUILTIN, name + ": builtin not implemented"),
                    site.loc());
        }
        Value r;
        try {
            r = fn.apply(new BuiltinCall(name, vals, bctx));
        } catch (BuiltinException ex) {
            return builtinError(ex, site.loc());
        } catch (RegoException ex) {
            throw ex;
        } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException ex) {
            return builtinError(
                    new BuiltinException(BuiltinException.Kind.BUILTIN, name + ": " + ex.getMessage()), site.loc());
        }
        if (r == null) {
            return true;
        }
        if (decl != null && !decl.hasResult()) {
            return r == BoolValue.FALSE || k.go(BoolValue.TRUE);
        }
        return k.go(r);
    }

    private boolean builtinError(BuiltinException ex, Loc loc) {
        RegoException re = new RegoException(
                ex.kind() == BuiltinException.Kind.TYPE
                        ? RegoException.Code.EVAL_TYPE
                        : RegoException.Code.EVAL_BUILTIN,
                ex.getMessage(),
                loc);
        if (firstBuiltinError == null) {
            firstBuiltinError = re;
        }
        return true;
    }

    // ---- terms ------------------------------------------------------------------------------

    boolean term(Term t, Frame f, VCont k) {
        if (t instanceof Term.Scalar s) {
            return k.go(s.value());
        }
        if (t instanceof Term.Var v) {
            Value val = f.get(v.name());
            if (val == null) {
                throw new RegoException(RegoException.Code.UNSAFE_VAR, "var " + v.name() + " is unsafe", v.loc());
            }
            return k.go(val);
        }
        if (t instanceof Term.Ref r) {
            return ref(r, f, k);
        }
        if (t instanceof Term.Call c) {
            int n = c.args().size();
            CallInfo ci = fnOverrides.isEmpty() ? info(c.operator()) : null;
            return args(c.args(), 0, n, new Value[n], false, f, vals -> call(c.operator(), ci, vals, c, k));
        }
        if (t instanceof Term.ArrayTerm a) {
            int n = a.elems().size();
            return args(a.elems(), 0, n, new Value[n], f, vals -> k.go(ArrayValue.wrap(vals)));
        }
        if (t instanceof Term.SetTerm s) {
            int n = s.elems().size();
            return args(s.elems(), 0, n, new Value[n], f, vals -> k.go(SetValue.of(vals)));
        }
        if (t instanceof Term.ObjectTerm o) {
            return object(o, f, k);
        }
        if (t instanceof Term.Template tp) {
            return k.go(Special.template(this, tp, f));
        }
        return k.go(Comprehensions.eval(this, t, f));
    }

    private boolean object(Term.ObjectTerm o, Frame f, VCont k) {
        List<Term> flat = new ArrayList<>(o.entries().size() * 2);
        for (Term.Entry en : o.entries()) {
            flat.add(en.key());
            flat.add(en.value());
        }
        int n = flat.size();
        return args(flat, 0, n, new Value[n], f, kv -> {
            ObjectValue.Builder b = ObjectValue.builder();
            for (int j = 0; j < n; j += 2) {
                b.put(kv[j], kv[j + 1]);
            }
            return k.go(b.build());
        });
    }

    private boolean ref(Term.Ref r, Frame f, VCont k) {
        Term head = r.head();
        if (head instanceof Term.Var v) {
            String name = v.name();
            if (name == "data") {
                return data.refCached(r, f, k);
            }
            if (name == "input") {
                return input == null || path(input, r.path(), 0, f, k);
            }
            Value hv = f.get(name);
            if (hv == null) {
                throw new RegoException(RegoException.Code.UNSAFE_VAR, "var " + name + " is unsafe", v.loc());
            }
            return path(hv, r.path(), 0, f, k);
        }
        return term(head, f, hv -> path(hv, r.path(), 0, f, k));
    }

    /** Walks cur along path from i; unbound variables in the path enumerate keys. */
    boolean path(Value cur, List<Term> path, int i, Frame f, VCont k) {
        // fast path: constant keys need no continuation
        while (i < path.size() && path.get(i) instanceof Term.Scalar s) {
            cur = index(cur, s.value());
            if (cur == null) {
                return true;
            }
            i++;
        }
        if (i == path.size()) {
            return k.go(cur);
        }
        Term p = path.get(i);
        Value from = cur;
        int at = i;
        if (isPattern(p, f)) {
            return iterate(from, (key, child) -> unifyValue(p, key, f, () -> path(child, path, at + 1, f, k)));
        }
        if (p instanceof Term.Var v) {
            Value key = f.get(v.name());
            Value child = index(from, key);
            return child == null || path(child, path, at + 1, f, k);
        }
        return term(p, f, key -> {
            Value child = index(from, key);
            return child == null || path(child, path, at + 1, f, k);
        });
    }

    static Value index(Value cur, Value key) {
        if (cur instanceof ObjectValue o) {
            return o.get(key);
        }
        if (cur instanceof ArrayValue a) {
            if (key instanceof NumberValue n && n.isLong()) {
                long j = n.longValue();
                return j >= 0 && j < a.size() ? a.get((int) j) : null;
            }
            return null;
        }
        if (cur instanceof SetValue s) {
            return s.contains(key) ? key : null;
        }
        return null;
    }

    /** Whether t has an unbound variable in a position unification can bind. */
    boolean isPattern(Term t, Frame f) {
        if (t instanceof Term.Var v) {
            return f.get(v.name()) == null;
        }
        if (t instanceof Term.ArrayTerm a) {
            for (Term e : a.elems()) {
                if (isPattern(e, f)) {
                    return true;
                }
            }
            return false;
        }
        if (t instanceof Term.ObjectTerm o) {
            for (Term.Entry e : o.entries()) {
                if (isPattern(e.value(), f)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- unification ------------------------------------------------------------------------

    boolean unify(Term a, Term b, Frame f, Cont k) {
        boolean pa = isPattern(a, f);
        boolean pb = isPattern(b, f);
        if (pa && pb) {
            if (a instanceof Term.ArrayTerm x && b instanceof Term.ArrayTerm y) {
                return x.elems().size() == y.elems().size() && unifyAll(x.elems(), y.elems(), 0, f, k);
            }
            if (a instanceof Term.ObjectTerm x && b instanceof Term.ObjectTerm y) {
                return unifyObjects(x, y, f, k);
            }
            if (a instanceof Term.Var va && b instanceof Term.Var vb) {
                throw new RegoException(RegoException.Code.UNSAFE_VAR, "var " + va.name() + " is unsafe", va.loc());
            }
        }
        if (pa) {
            Value d = direct(b, f);
            if (d != NOT_DIRECT) {
                return d == null || unifyValue(a, d, f, k);
            }
            return term(b, f, v -> unifyValue(a, v, f, k));
        }
        if (pb) {
            return term(a, f, v -> unifyValue(b, v, f, k));
        }
        return term(a, f, va -> term(b, f, vb -> !va.equals(vb) || k.go()));
    }

    private boolean unifyAll(List<Term> xs, List<Term> ys, int i, Frame f, Cont k) {
        if (i == xs.size()) {
            return k.go();
        }
        return unify(xs.get(i), ys.get(i), f, () -> unifyAll(xs, ys, i + 1, f, k));
    }

    private boolean unifyObjects(Term.ObjectTerm x, Term.ObjectTerm y, Frame f, Cont k) {
        if (x.entries().size() != y.entries().size()) {
            return true;
        }
        List<Term> xs = new ArrayList<>();
        List<Term> ys = new ArrayList<>();
        for (Term.Entry ex : x.entries()) {
            Value kx = first(ex.key(), f);
            Term match = null;
            for (Term.Entry ey : y.entries()) {
                if (kx != null && kx.equals(first(ey.key(), f))) {
                    match = ey.value();
                }
            }
            if (match == null) {
                return true;
            }
            xs.add(ex.value());
            ys.add(match);
        }
        return unifyAll(xs, ys, 0, f, k);
    }

    /** Unifies a term with a ground value. */
    boolean unifyValue(Term t, Value v, Frame f, Cont k) {
        if (t instanceof Term.Var var) {
            Value cur = f.get(var.name());
            if (cur == null) {
                int m = f.mark();
                f.bind(var.name(), v);
                boolean r = k.go();
                f.undo(m);
                return r;
            }
            return !cur.equals(v) || k.go();
        }
        if (t instanceof Term.Scalar s) {
            return !s.value().equals(v) || k.go();
        }
        if (t instanceof Term.ArrayTerm a && isPattern(t, f)) {
            if (!(v instanceof ArrayValue av) || av.size() != a.elems().size()) {
                return true;
            }
            return unifyElems(a.elems(), av, 0, f, k);
        }
        if (t instanceof Term.ObjectTerm o && isPattern(t, f)) {
            if (!(v instanceof ObjectValue ov) || ov.size() != o.entries().size()) {
                return true;
            }
            return unifyEntries(o.entries(), ov, 0, f, k);
        }
        return term(t, f, tv -> !tv.equals(v) || k.go());
    }

    private boolean unifyElems(List<Term> ts, ArrayValue av, int i, Frame f, Cont k) {
        if (i == ts.size()) {
            return k.go();
        }
        return unifyValue(ts.get(i), av.get(i), f, () -> unifyElems(ts, av, i + 1, f, k));
    }

    private boolean unifyEntries(List<Term.Entry> es, ObjectValue ov, int i, Frame f, Cont k) {
        if (i == es.size()) {
            return k.go();
        }
        Term.Entry e = es.get(i);
        return term(e.key(), f, key -> {
            Value val = ov.get(key);
            return val == null || unifyValue(e.value(), val, f, () -> unifyEntries(es, ov, i + 1, f, k));
        });
    }
}
