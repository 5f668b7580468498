package io.dsx.policy.ast;

import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.*;
import java.util.ArrayList;
import java.util.List;

/** Converts ground literal terms (scalars, arrays, sets, objects) to values. */
public final class Terms {
    private Terms() {}

    /**
     * The value of a ground term.
     *
     * @throws RegoException when the term has variables, refs or calls
     */
    public static Value toValue(Term t) {
        if (t instanceof Term.Scalar s) {
            return s.value();
        }
        if (t instanceof Term.ArrayTerm a) {
            List<Value> out = new ArrayList<>();
            a.elems().forEach(e -> out.add(toValue(e)));
            return ArrayValue.of(out);
        }
        if (t instanceof Term.SetTerm s) {
            List<Value> out = new ArrayList<>();
            s.elems().forEach(e -> out.add(toValue(e)));
            return SetValue.of(out);
        }
        if (t instanceof Term.ObjectTerm o) {
            ObjectValue.Builder b = ObjectValue.builder();
            o.entries().forEach(e -> b.put(toValue(e.key()), toValue(e.value())));
            return b.build();
        }
        throw new RegoException(RegoException.Code.PARSE, "term is not a ground value: " + t, t.loc());
    }
}
