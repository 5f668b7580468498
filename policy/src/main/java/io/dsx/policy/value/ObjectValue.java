package io.dsx.policy.value;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * An immutable Rego object; keys are any values; iterates in OPA's order of keys. Lookups go
 * through a hash map; the sorted view used for iteration and comparison is built on first use.
 */
public final class ObjectValue implements Value {
    public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<>());

    private final TreeMap<Value, Value> map;
    private volatile HashMap<Value, Value> index;
    /** Nesting depth (1 + the deepest key's or value's), kept so depth checks need no walk. */
    final int depth;

    private int hash;

    private ObjectValue(TreeMap<Value, Value> map) {
        this.map = map;
        int d = 0;
        for (Map.Entry<Value, Value> e : map.entrySet()) {
            d = Math.max(d, Math.max(Values.depthOf(e.getKey()), Values.depthOf(e.getValue())));
        }
        this.depth = d + 1;
    }

    private Map<Value, Value> lookup() {
        HashMap<Value, Value> i = index;
        if (i == null) {
            if (map.size() <= 1) {
                return map;
            }
            i = new HashMap<>(map);
            index = i;
        }
        return i;
    }

    public static ObjectValue of(Map<? extends Value, ? extends Value> m) {
        return m.isEmpty() ? EMPTY : new ObjectValue(new TreeMap<>(m));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return map.size();
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** Objects up to this size are looked up by a scan of their keys, not a hash map. */
    private static final int SMALL = 8;

    /** Keys and values interleaved, for a scan (objects of 2 to SMALL entries); built on first use. */
    private volatile Value[] small;

    /** The value at key, or null when absent. */
    public Value get(Value key) {
        int n = map.size();
        if (n <= 1 || n > SMALL) {
            return lookup().get(key);
        }
        Value[] s = small;
        if (s == null) {
            s = new Value[n * 2];
            int i = 0;
            for (var e : map.entrySet()) {
                s[i++] = e.getKey();
                s[i++] = e.getValue();
            }
            small = s;
        }
        int h = key.hashCode();
        for (int i = 0; i < s.length; i += 2) {
            Value k = s[i];
            if (k == key || (k.hashCode() == h && k.equals(key))) {
                return s[i + 1];
            }
        }
        return null;
    }

    /** The value at a string key, or null when absent. */
    public Value get(String key) {
        return lookup().get(StringValue.of(key));
    }

    public boolean containsKey(Value key) {
        return lookup().containsKey(key);
    }

    /** Unmodifiable sorted view of the keys. */
    public NavigableSet<Value> keys() {
        return Collections.unmodifiableNavigableSet(map.navigableKeySet());
    }

    /** Unmodifiable sorted view of the entries. */
    public NavigableMap<Value, Value> entries() {
        return Collections.unmodifiableNavigableMap(map);
    }

    /** A copy with key set to value. */
    public ObjectValue with(Value key, Value value) {
        TreeMap<Value, Value> m = new TreeMap<>(map);
        m.put(key, value);
        return new ObjectValue(m);
    }

    /** A copy without key. */
    public ObjectValue without(Value key) {
        if (!map.containsKey(key)) {
            return this;
        }
        TreeMap<Value, Value> m = new TreeMap<>(map);
        m.remove(key);
        return m.isEmpty() ? EMPTY : new ObjectValue(m);
    }

    @Override
    public Kind kind() {
        return Kind.OBJECT;
    }

    int compareObject(ObjectValue o) {
        var a = map.entrySet().iterator();
        var b = o.map.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            var x = a.next();
            var y = b.next();
            int c = Values.compare(x.getKey(), y.getKey());
            if (c != 0) {
                return c;
            }
            c = Values.compare(x.getValue(), y.getValue());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(map.size(), o.map.size());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ObjectValue v)) {
            return false;
        }
        if (v == this) {
            return true;
        }
        if (v.map.size() != map.size()) {
            return false;
        }
        // both maps are sorted by the same order: compare entries pairwise, without lookups
        var a = map.entrySet().iterator();
        var b = v.map.entrySet().iterator();
        while (a.hasNext()) {
            var x = a.next();
            var y = b.next();
            if (Values.compare(x.getKey(), y.getKey()) != 0 || !x.getValue().equals(y.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = map.hashCode() * 31 + 13;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var e : map.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append(": ").append(e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Accumulates entries; {@link #build()} may be called once. Later puts replace earlier. */
    public static final class Builder {
        private TreeMap<Value, Value> map = new TreeMap<>();

        public Builder put(Value key, Value value) {
            map.put(key, value);
            return this;
        }

        public Builder put(String key, Value value) {
            return put(StringValue.of(key), value);
        }

        /** The value already put at key, or null. */
        public Value get(Value key) {
            return map.get(key);
        }

        public int size() {
            return map.size();
        }

        public ObjectValue build() {
            ObjectValue o = map.isEmpty() ? EMPTY : new ObjectValue(map);
            map = new TreeMap<>();
            return o;
        }
    }
}
