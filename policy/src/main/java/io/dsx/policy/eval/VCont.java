package io.dsx.policy.eval;

import io.dsx.policy.value.Value;

/** A continuation receiving a value; returns false to stop the enumeration. */
@FunctionalInterface
interface VCont {
    boolean go(Value v);
}
