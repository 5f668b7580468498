package io.dsx.crypto.hash;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where two secrets first differ. */
public final class ConstantTime {

    private ConstantTime() {}

    /**
     * True when both arrays have the same length and contents. The time depends on the lengths only
     * ({@link MessageDigest#isEqual} has been constant-time since JDK 6u17).
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        return MessageDigest.isEqual(a, b);
    }
}
