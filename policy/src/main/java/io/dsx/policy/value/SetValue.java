package io.dsx.policy.value;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/** An immutable Rego set; iterates in OPA's order of values. */
public final class SetValue implements Value, Iterable<Value> {
    public static final SetValue EMPTY = new SetValue(new TreeSet<>());

    private final TreeSet<Value> elems;
    /** Nesting depth (1 + the deepest element's), kept so depth checks need no walk. */
    final int depth;

    private int hash;

    private SetValue(TreeSet<Value> elems) {
        this.elems = elems;
        int d = 0;
        for (Value e : elems) {
            d = Math.max(d, Values.depthOf(e));
        }
        this.depth = d + 1;
    }

    public static SetValue of(Value... elems) {
        Builder b = builder();
        for (Value v : elems) {
            b.add(v);
        }
        return b.build();
    }

    public static SetValue of(Collection<? extends Value> elems) {
        return elems.isEmpty() ? EMPTY : new SetValue(new TreeSet<>(elems));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return elems.size();
    }

    public boolean isEmpty() {
        return elems.isEmpty();
    }

    public boolean contains(Value v) {
        return elems.contains(v);
    }

    /** Unmodifiable sorted view of the elements. */
    public NavigableSet<Value> elements() {
        return Collections.unmodifiableNavigableSet(elems);
    }

    @Override
    public Iterator<Value> iterator() {
        Iterator<Value> it = elems.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Value next() {
                return it.next();
            }
        };
    }

    public SetValue union(SetValue o) {
        if (o.isEmpty()) {
            return this;
        }
        TreeSet<Value> s = new TreeSet<>(elems);
        s.addAll(o.elems);
        return new SetValue(s);
    }

    public SetValue intersection(SetValue o) {
        TreeSet<Value> s = new TreeSet<>(elems);
        s.retainAll(o.elems);
        return s.isEmpty() ? EMPTY : new SetValue(s);
    }

    public SetValue difference(SetValue o) {
        TreeSet<Value> s = new TreeSet<>(elems);
        s.removeAll(o.elems);
        return s.isEmpty() ? EMPTY : new SetValue(s);
    }

    @Override
    public Kind kind() {
        return Kind.SET;
    }

    int compareSet(SetValue o) {
        return Values.compareSorted(elems.iterator(), o.elems.iterator());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SetValue s)) {
            return false;
        }
        if (s == this) {
            return true;
        }
        if (s.elems.size() != elems.size()) {
            return false;
        }
        return Values.compareSorted(elems.iterator(), s.elems.iterator()) == 0;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = elems.hashCode() * 31 + 11;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        if (elems.isEmpty()) {
            return "set()";
        }
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Value v : elems) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(v);
        }
        return sb.append('}').toString();
    }

    /** Accumulates elements; {@link #build()} may be called once. */
    public static final class Builder {
        private TreeSet<Value> elems = new TreeSet<>();

        public Builder add(Value v) {
            elems.add(v);
            return this;
        }

        public boolean contains(Value v) {
            return elems.contains(v);
        }

        public int size() {
            return elems.size();
        }

        public SetValue build() {
            SetValue s = elems.isEmpty() ? EMPTY : new SetValue(elems);
            elems = new TreeSet<>();
            return s;
        }
    }
}
