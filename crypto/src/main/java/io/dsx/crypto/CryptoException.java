package io.dsx.crypto;

import java.util.Objects;

/**
 * An expected cryptographic failure: a bad signature, a ciphertext that does not open, an unknown key,
 * malformed input. Bugs (null arguments, wrong lengths) are unchecked exceptions instead.
 *
 * <p>Messages name what failed, never the key or plaintext bytes involved.
 */
public final class CryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed; the codes are stable API, the messages may improve. */
    public enum Reason {
        /** A signature did not verify, or did not fit the key's algorithm. */
        BAD_SIGNATURE,
        /** Authenticated decryption failed: wrong key, wrong aad or altered bytes. */
        DECRYPTION_FAILED,
        /** No key (recipient key, DEK, KEK) with the given id is known. */
        UNKNOWN_KEY,
        /** Input bytes or text are not in the expected format. */
        MALFORMED,
        /** An algorithm or key type that dsx does not accept. */
        UNSUPPORTED_ALGORITHM,
        /** A keystore could not be read, written or unlocked. */
        KEY_STORE
    }

    private final Reason reason;

    public CryptoException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
