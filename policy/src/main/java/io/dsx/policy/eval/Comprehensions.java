package io.dsx.policy.eval;

import io.dsx.policy.ast.Term;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Array, set and object comprehensions: every solution of the body, collected. */
final class Comprehensions {
    private Comprehensions() {}

    static Value eval(Evaluator ev, Term t, Frame f) {
        int m = f.mark();
        try {
            if (t instanceof Term.ArrayCompr c) {
                List<Value> out = new ArrayList<>();
                ev.body(
                        c.body(),
                        0,
                        f,
                        () -> ev.term(c.term(), f, v -> {
                            out.add(v);
                            ev.checkSize(out.size(), c.loc());
                            return true;
                        }));
                return ArrayValue.of(out);
            }
            if (t instanceof Term.SetCompr c) {
                SetValue.Builder out = SetValue.builder();
                ev.body(
                        c.body(),
                        0,
                        f,
                        () -> ev.term(c.term(), f, v -> {
                            out.add(v);
                            ev.checkSize(out.size(), c.loc());
                            return true;
                        }));
                return out.build();
            }
            Term.ObjectCompr c = (Term.ObjectCompr) t;
            ObjectValue.Builder out = ObjectValue.builder();
            ev.body(
                    c.body(),
                    0,
                    f,
                    () -> ev.term(
                            c.key(),
                            f,
                            k -> ev.term(c.value(), f, v -> {
                                Value prev = out.get(k);
                                if (prev != null && !prev.equals(v)) {
                                    throw new RegoException(
                                            RegoException.Code.EVAL_CONFLICT, "object keys must be unique", c.loc());
                                }
                                out.put(k, v);
                                ev.checkSize(out.size(), c.loc());
                                return true;
                            })));
            return out.build();
        } finally {
            f.undo(m);
        }
    }
}
