package io.dsx.policy.eval;

/**
 * A cache key that compares its value by identity: compiled refs and queries are records, whose
 * structural equals and hashCode are too slow for the evaluation hot path. Keys of different kinds
 * never collide, since their values are different objects.
 */
record IdentityKey(Object value) {
    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityKey k && k.value == value;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }
}
