package io.dsx.policy.eval;

/** A continuation: called once per solution; returns false to stop the enumeration. */
@FunctionalInterface
interface Cont {
    boolean go();
}
