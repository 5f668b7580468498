package io.dsx.policy.value;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** An immutable Rego array. */
public final class ArrayValue implements Value {
    public static final ArrayValue EMPTY = new ArrayValue(new Value[0]);

    private final Value[] elems;
    /** Nesting depth (1 + the deepest element's), kept so depth checks need no walk. */
    final int depth;

    private int hash;

    private ArrayValue(Value[] elems) {
        this.elems = elems;
        int d = 0;
        for (Value e : elems) {
            d = Math.max(d, Values.depthOf(e));
        }
        this.depth = d + 1;
    }

    /** Wraps the array without copying; the caller must not modify it afterwards. */
    public static ArrayValue wrap(Value[] elems) {
        return elems.length == 0 ? EMPTY : new ArrayValue(elems);
    }

    public static ArrayValue of(Value... elems) {
        return wrap(elems.clone());
    }

    public static ArrayValue of(Collection<? extends Value> elems) {
        return wrap(elems.toArray(new Value[0]));
    }

    public int size() {
        return elems.length;
    }

    public Value get(int i) {
        return elems[i];
    }

    /** An unmodifiable view of the elements. */
    public List<Value> elements() {
        return new AbstractList<>() {
            @Override
            public Value get(int index) {
                return elems[index];
            }

            @Override
            public int size() {
                return elems.length;
            }
        };
    }

    /** A copy of the elements. */
    public Value[] toArray() {
        return elems.clone();
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    int compareArray(ArrayValue o) {
        int n = Math.min(elems.length, o.elems.length);
        for (int i = 0; i < n; i++) {
            int c = Values.compare(elems[i], o.elems[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(elems.length, o.elems.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayValue a && (a == this || Arrays.equals(elems, a.elems));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(elems) * 31 + 7;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elems.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(elems[i]);
        }
        return sb.append(']').toString();
    }
}
