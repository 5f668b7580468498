package io.dsx.crypto.sign;

import java.security.GeneralSecurityException;
import java.security.Signature;

/** Creates configured JDK {@link Signature} engines; package-private plumbing. */
final class Jca {

    private Jca() {}

    static Signature signature(SignatureAlgorithm algorithm) {
        try {
            Signature s = Signature.getInstance(algorithm.jcaName());
            if (algorithm.parameters() != null) {
                s.setParameter(algorithm.parameters());
            }
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
        }
    }
}
